// Deterministic benchmark data sets, shared by the server (which serves them
// as JSON) and nothing else: pages fetch /data/<widget>-<n>.json.
//
// One seeded PRNG (mulberry32) per size: the same n always gives the same
// events. Events are spread over 20 years (2004-01-01 .. 2023-12-31), about
// one in eight is a range (1..180 days), each carries 1..2 of 5 tags, a title
// of 20..60 characters and a short HTML text "<p>… <b>…</b> …</p>".

export const SIZES = [100, 1000, 10000, 100000];
export const TAGS = ["politics", "economy", "science", "culture", "sport"];
export const FIRST_DAY = Date.UTC(2004, 0, 1);
export const LAST_DAY = Date.UTC(2023, 11, 31);
const DAY = 86400000;

const WORDS = (
  "talks summit minister deal vote court strike storm market rally budget " +
  "treaty launch report inquiry border trade election protest festival " +
  "record final museum study vaccine rocket merger rates bank union crisis " +
  "council mayor verdict ceasefire sanctions exports harvest drought flood"
).split(" ");

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function day(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A title of 20..60 characters: words until the length is reached. */
function title(rand, index) {
  const target = 20 + Math.floor(rand() * 41);
  let text = `#${index + 1}`;
  while (text.length < target) text += " " + WORDS[Math.floor(rand() * WORDS.length)];
  text = text.slice(0, target).trimEnd();
  while (text.length < 20) text += "x";
  return text;
}

/** The generic events (our widget's native form). */
export function events(n) {
  const rand = mulberry32(0x5eed0000 + n);
  const days = Math.round((LAST_DAY - FIRST_DAY) / DAY);
  const out = [];
  for (let i = 0; i < n; i++) {
    const startMs = FIRST_DAY + Math.floor(rand() * (days + 1)) * DAY;
    const event = { id: `e${String(i + 1).padStart(6, "0")}`, start: day(startMs) };
    if (rand() < 0.125) event.end = day(Math.min(LAST_DAY, startMs + (1 + Math.floor(rand() * 180)) * DAY));
    event.title = title(rand, i);
    const w = () => WORDS[Math.floor(rand() * WORDS.length)];
    event.text = `<p>The ${w()} and the ${w()}: <b>${w()} ${w()}</b> after the ${w()}.</p>`;
    const first = Math.floor(rand() * TAGS.length);
    event.tags = [TAGS[first]];
    if (rand() < 0.3) event.tags.push(TAGS[(first + 1 + Math.floor(rand() * (TAGS.length - 1))) % TAGS.length]);
    out.push(event);
  }
  return out;
}

/** news-timeline: { events: [{id, start, end?, title, text, tags}] } */
export function forOurs(list) {
  return { events: list };
}

/** vis-timeline: DataSet items {id, content, start, end?, title}. No groups:
 * vis would draw one row per group, our widget and TimelineJS3 show tags as
 * colors/filters, so all items share one stacked band. `title` (vis's
 * tooltip) carries the HTML text so every widget holds the same strings. */
export function forVis(list) {
  return list.map((e) => {
    const item = { id: e.id, content: e.title, start: e.start, title: e.text };
    if (e.end) item.end = e.end;
    return item;
  });
}

function tlDate(iso) {
  const [year, month, dayOfMonth] = iso.split("-").map(Number);
  return { year, month, day: dayOfMonth };
}

/** TimelineJS3: { events: [{start_date, end_date?, text:{headline,text}, group, unique_id}] } */
export function forTimelineJS(list) {
  return {
    events: list.map((e) => {
      const event = {
        start_date: tlDate(e.start),
        text: { headline: e.title, text: e.text },
        group: e.tags[0],
        unique_id: e.id,
      };
      if (e.end) event.end_date = tlDate(e.end);
      return event;
    }),
  };
}

/** news-timeline in lanes: the same events, event i in group `g${i % 8}`
 * (eight groups, each spread over the whole range); the page mounts them
 * with `lanes: "group"` (a lane per group) or `lanes: "none"` (one track). */
export const LANES = 8;
export function forOursLanes(list) {
  return { events: list.map((e, i) => ({ ...e, group: `g${i % LANES}` })) };
}

export const FORMATS = { ours: forOurs, vis: forVis, tljs: forTimelineJS, lanes: forOursLanes };
