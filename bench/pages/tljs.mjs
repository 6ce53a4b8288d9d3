// Knight Lab TimelineJS3 (global `TL`). script_path must point at our copy:
// its default is the Knight Lab CDN (fonts and locales are loaded from it).
import { bench, now, run, isZoomIn } from "./harness.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

run("tljs", async (data) => {
  let loaded;
  const onLoaded = new Promise((resolve) => (loaded = resolve));
  const timeline = new TL.Timeline("tl", data, {
    script_path: new URL("/tljs/js/", location.href).href,
  });
  bench.marks.constructed = now();
  timeline.on("loaded", () => loaded());
  await onLoaded;
  window.__timeline = timeline;
  return {
    // goToNext/zoom animate for `duration` (1000 ms): let one finish first.
    async prepare(kind) {
      await sleep(1100);
    },
    step(kind, i) {
      if (kind === "pan") timeline.goToNext();
      else if (isZoomIn(i)) timeline.zoomIn();
      else timeline.zoomOut();
    },
    // No wheel zoom in TimelineJS3: a horizontal wheel pans its time navigator.
    wheelTarget: "#tl .tl-timenav",
    wheelModifier: null,
    wheel: { deltaX: 100, zoom: false },
    async inPageExtra() {
      return {};
    },
  };
});
