// vis-timeline 8 (standalone UMD build: global `vis`).
import { bench, now, run, panWindow, zoomWindow, fullWindow } from "./harness.mjs";

run("vis", async (data) => {
  const container = document.getElementById("tl");
  const items = new vis.DataSet(data);
  let drawn;
  const initialDraw = new Promise((resolve) => (drawn = resolve));
  const timeline = new vis.Timeline(container, items, {
    height: "600px",
    zoomKey: "ctrlKey", // the same gesture as ours: Ctrl + wheel zooms
    onInitialDrawComplete: () => drawn("onInitialDrawComplete"),
  });
  bench.marks.constructed = now();
  timeline.on("changed", () => drawn("changed"));
  bench.extra.completeBy = await initialDraw;
  window.__timeline = timeline;
  const setWindow = ([start, end]) => timeline.setWindow(new Date(start), new Date(end), { animation: false });
  return {
    prepare(kind) {
      if (kind === "pan") setWindow(panWindow(0));
      else setWindow(fullWindow());
    },
    step(kind, i) {
      if (kind === "pan") setWindow(panWindow(i + 1));
      else setWindow(zoomWindow(i));
    },
    wheelTarget: "#tl .vis-panel.vis-center",
    wheelModifier: "Control",
    wheel: { deltaX: 0, zoom: true },
    async inPageExtra() {
      return { visibleEvents: timeline.getVisibleItems().length };
    },
  };
});
