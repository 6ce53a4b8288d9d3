// news-timeline developer example: lanes, colours and overlapping eras.
// Loaded as a module after the deferred loader (../news-timeline.js).
// Problems are written with textContent only — never innerHTML.

const host = "#threads";
const lanes = document.getElementById("lanes");
const theme = document.getElementById("theme");
const problems = document.getElementById("problems");

const zone = document.getElementById("zone");

const data = await (await fetch("threads.json")).json();

function showProblems(list) {
  problems.replaceChildren(
    ...list.map((p) => {
      const item = document.createElement("li");
      const path = document.createElement("code");
      path.textContent = p.path;
      item.append(path, ": " + p.message);
      return item;
    }),
  );
}

async function mount() {
  const options = { height: 560, lanes: lanes.value, theme: theme.value, timeZone: zone.value };
  const handle = await NewsTimeline.mount(host, data, options);
  showProblems(handle.getProblems());
}

for (const control of [lanes, theme, zone]) control.addEventListener("change", mount);
await mount();
