// news-timeline developer example: a developing story.
// Loaded as a module after the deferred loader (../news-timeline.js).
// Every few seconds the next update from live-story.json reaches the
// widget through handle.addEvents() or handle.removeEvents(); the
// `datachange` event says what changed. The log is written with
// textContent only — never innerHTML.

const EVERY_MS = 4000;
const MAX_LOG_ENTRIES = 100;

const logList = document.getElementById("log");
const statusLine = document.getElementById("status");
const pauseButton = document.getElementById("btn-pause");
const resetButton = document.getElementById("btn-reset");

// ---------- the log ----------

function timestamp() {
  return new Date().toTimeString().slice(0, 8);
}

/** kind: "action" (a call made here), "result" (its return value),
 * "event" (emitted by the widget), "error". */
function log(kind, text) {
  const li = document.createElement("li");
  li.className = `ex-log-${kind}`;
  const time = document.createElement("span");
  time.className = "ex-log-time";
  time.textContent = timestamp();
  const tag = document.createElement("span");
  tag.className = "ex-log-kind";
  tag.textContent = kind;
  const body = document.createElement("span");
  body.className = "ex-log-text";
  body.textContent = text;
  li.append(time, " ", tag, " ", body);
  logList.prepend(li);
  while (logList.childElementCount > MAX_LOG_ENTRIES) logList.lastElementChild.remove();
}

const json = (value) => JSON.stringify(value);
const message = (err) => (err instanceof Error ? err.message : String(err));

// ---------- the story, moved to today ----------

// The file's times are from one fictional night. They are moved by whole
// minutes so that its last update is a few minutes ago: the "Today" line,
// the ongoing evacuation ("end": "now") and `follow` then behave as they
// would on a real developing story.
const story = await (await fetch("live-story.json")).json();

const allEvents = [...story.events, ...story.incoming.filter((s) => s.add).map((s) => s.add)];
const latest = Math.max(...allEvents.map((e) => Date.parse(e.start)));
const shift = Math.round((Date.now() - 5 * 60000 - latest) / 60000) * 60000;

const moved = (date) =>
  date === "now" ? date : new Date(Date.parse(date) + shift).toISOString().slice(0, 16) + "Z";

function toToday(event) {
  const copy = { ...event, start: moved(event.start) };
  if (event.end) copy.end = moved(event.end);
  return copy;
}

const opening = { title: story.title, events: story.events.map(toToday) };
const updates = story.incoming.map((s) => (s.add ? { add: toToday(s.add) } : s));

// ---------- mounting ----------

let handle;
try {
  handle = await NewsTimeline.mount("#tl", opening, {
    height: 460,
    follow: true, // the window keeps up with new events while it shows the latest
    startAt: "last", // open on the latest events
    showNow: true, // the default: the "Today" line
    timeZone: "reader", // the file's times are UTC; show them in the reader's zone
  });
} catch (err) {
  log("error", `mount failed: ${message(err)}`);
  pauseButton.disabled = true;
  resetButton.disabled = true;
  throw err;
}

handle.on("datachange", ({ added, updated, removed }) =>
  log("event", `datachange ${json({ added, updated, removed })}`),
);
handle.on("warning", ({ problems }) => log("event", `warning ${json(problems)}`));

// ---------- the updates ----------

let next = 0;
let timer = 0;
let paused = false;

function showStatus() {
  const done = next >= updates.length;
  const state = done ? "all delivered" : paused ? "paused" : `next in ${EVERY_MS / 1000} s`;
  statusLine.textContent = `${next} of ${updates.length} updates delivered · ${state}`;
  pauseButton.disabled = done;
  pauseButton.textContent = paused ? "Resume" : "Pause";
}

async function deliver(update) {
  try {
    if (update.add) {
      log("action", `handle.addEvents([{ id: ${json(update.add.id)}, title: ${json(update.add.title)}, … }])`);
      const result = await handle.addEvents([update.add]); // { added, updated }
      log("result", `→ ${json(result)}`);
    } else {
      log("action", `handle.removeEvents([${json(update.remove)}]) — ${update.why}`);
      const removed = handle.removeEvents([update.remove]); // the ids that were there
      log("result", `→ ${json(removed)}`);
    }
  } catch (err) {
    log("error", message(err));
  }
}

function tick() {
  // A hidden tab waits: the reader would miss the updates.
  if (document.hidden) return;
  deliver(updates[next]);
  next += 1;
  if (next >= updates.length) stop();
  showStatus();
}

function start() {
  stop();
  if (next < updates.length) timer = setInterval(tick, EVERY_MS);
}

function stop() {
  clearInterval(timer);
  timer = 0;
}

pauseButton.addEventListener("click", () => {
  paused = !paused;
  if (paused) stop();
  else start();
  showStatus();
});

resetButton.addEventListener("click", () => {
  log("action", `handle.setEvents(opening) — the ${opening.events.length} opening events`);
  try {
    handle.setEvents(opening);
  } catch (err) {
    log("error", message(err));
  }
  next = 0;
  paused = false;
  start();
  showStatus();
});

document.getElementById("btn-clear-log").addEventListener("click", () => logList.replaceChildren());

start();
showStatus();
