// news-timeline developer example: the JavaScript API with a live log.
// Loaded as a module after the deferred loader (../news-timeline.js), so
// `NewsTimeline` is normally defined by the time this runs.
// The log is written with textContent only — never innerHTML.

const MAX_LOG_ENTRIES = 300;

const logList = document.getElementById("log");
const buttons = {
  fit: document.getElementById("btn-fit"),
  june: document.getElementById("btn-june"),
  getWindow: document.getElementById("btn-get-window"),
  replace: document.getElementById("btn-replace"),
  destroy: document.getElementById("btn-destroy"),
  remount: document.getElementById("btn-remount"),
  problems: document.getElementById("btn-problems"),
};
const handleButtons = [
  buttons.fit,
  buttons.june,
  buttons.getWindow,
  buttons.replace,
  buttons.problems,
  buttons.destroy,
];

// A different, small data set for "Replace data": the events of the
// article itself. The third has an impossible date, so the widget skips it
// and reports a warning at events[2].start.
const replacementData = {
  title: "Strikes and retaliation, December 2019",
  events: [
    {
      id: "dec-27-kirkuk",
      start: "2019-12-27",
      title: "As many as 30 rockets are fired at a base in Kirkuk, northern Iraq, killing a US civilian contractor.",
      tags: ["military"],
    },
    {
      id: "dec-29-strikes",
      start: "2019-12-29",
      title: "US F-15 Strike Eagles hit five Kataeb Hezbollah sites in Iraq and Syria.",
      tags: ["military"],
    },
    {
      id: "bad-date",
      start: "2019-13-45",
      title: "This event has an invalid date and is skipped with a warning",
      tags: ["diplomacy"],
    },
  ],
};

let handle = null;
let seedData = null;

// ---------- log ----------

function timestamp() {
  const d = new Date();
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
}

function describe(value) {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Add a line to the top of the log.
 * kind: "action" (a call this page made), "event" (emitted by the widget),
 * "result" (a return value), "error".
 */
function log(kind, label, value) {
  const li = document.createElement("li");
  li.className = `ex-log-${kind}`;

  const time = document.createElement("span");
  time.className = "ex-log-time";
  time.textContent = timestamp();

  const tag = document.createElement("span");
  tag.className = "ex-log-kind";
  tag.textContent = kind;

  const text = document.createElement("span");
  text.className = "ex-log-text";
  text.textContent = value === undefined ? label : `${label} ${describe(value)}`;

  li.append(time, " ", tag, " ", text);
  logList.prepend(li);
  while (logList.childElementCount > MAX_LOG_ENTRIES) {
    logList.lastElementChild.remove();
  }
}

function errorMessage(err) {
  return err instanceof Error ? err.message : describe(err);
}

// The `on` callbacks receive the event's detail object; accept a DOM
// CustomEvent too, in case a callback is also used with addEventListener.
function detailOf(arg) {
  return arg instanceof Event && "detail" in arg ? arg.detail : arg;
}

// ---------- state of the buttons ----------

function setMounted(mounted) {
  for (const button of handleButtons) button.disabled = !mounted;
  buttons.remount.hidden = mounted;
  buttons.remount.disabled = false;
}

// ---------- loading and mounting ----------

function whenLoaderReady() {
  if (window.NewsTimeline) return Promise.resolve(window.NewsTimeline);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("news-timeline.js did not load (NewsTimeline is not defined)")),
      15000,
    );
    document.addEventListener(
      "newstimeline:loaded",
      () => {
        clearTimeout(timer);
        resolve(window.NewsTimeline);
      },
      { once: true },
    );
  });
}

async function loadSeed() {
  const response = await fetch("seed-events.json");
  if (!response.ok) {
    throw new Error(`seed-events.json: HTTP ${response.status}`);
  }
  return response.json();
}

async function mount() {
  setMounted(false);
  buttons.remount.hidden = true;
  try {
    const NewsTimeline = await whenLoaderReady();
    if (!seedData) {
      log("action", "fetch(\"seed-events.json\")");
      seedData = await loadSeed();
      log("result", `loaded ${seedData.events.length} events`);
    }
    log("action", 'NewsTimeline.mount("#tl", data, { height: 360 })');
    handle = await NewsTimeline.mount("#tl", seedData, { height: 360 });
  } catch (err) {
    handle = null;
    log("error", `mount failed: ${errorMessage(err)}`);
    buttons.remount.hidden = false;
    return;
  }

  log("result", `mounted (NewsTimeline.version ${describe(window.NewsTimeline.version)})`);

  handle.on("select", (arg) => log("event", "select", detailOf(arg)));
  handle.on("rangechange", (arg) => log("event", "rangechange", detailOf(arg)));
  handle.on("warning", (arg) => log("event", "warning", detailOf(arg)));

  // Warnings found while mounting are dispatched before mount() resolves,
  // i.e. before the listeners above exist; they are kept in getProblems().
  const problems = handle.getProblems();
  if (problems.length > 0) {
    log("result", "problems reported while mounting:", problems);
  }

  setMounted(true);
}

// ---------- buttons ----------

/** Run one Handle call, logging the call, its result, or its error. */
async function run(label, fn, { logResult = false } = {}) {
  if (!handle) return;
  log("action", label);
  try {
    const result = await fn(handle);
    if (logResult) log("result", `${label} →`, result);
  } catch (err) {
    log("error", `${label} failed: ${errorMessage(err)}`);
  }
}

buttons.fit.addEventListener("click", () => run("handle.fit()", (h) => h.fit()));

buttons.june.addEventListener("click", () =>
  run('handle.setWindow("2019-06", "2019-06")', (h) => h.setWindow("2019-06", "2019-06")),
);

buttons.getWindow.addEventListener("click", () => {
  if (!handle) return;
  log("action", "handle.getWindow()");
  try {
    log("result", JSON.stringify(handle.getWindow()));
  } catch (err) {
    log("error", `handle.getWindow() failed: ${errorMessage(err)}`);
  }
});

buttons.replace.addEventListener("click", () =>
  run("handle.setEvents(replacementData) — 3 events, one with start \"2019-13-45\"", (h) =>
    h.setEvents(replacementData),
  ),
);

buttons.problems.addEventListener("click", () =>
  run("handle.getProblems()", (h) => h.getProblems(), { logResult: true }),
);

buttons.destroy.addEventListener("click", () => {
  if (!handle) return;
  log("action", "handle.destroy()");
  try {
    handle.destroy();
  } catch (err) {
    log("error", `handle.destroy() failed: ${errorMessage(err)}`);
  }
  handle = null;
  setMounted(false);
  buttons.remount.focus();
});

buttons.remount.addEventListener("click", async () => {
  buttons.remount.disabled = true;
  await mount();
  if (handle) buttons.fit.focus();
});

document.getElementById("btn-clear-log").addEventListener("click", () => {
  logList.replaceChildren();
});

await mount();
