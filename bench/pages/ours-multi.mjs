// Twenty news-timeline widgets (100 events each) on one page, one wasm instance.
import { bench, now, frames, countNodes } from "./harness.mjs";

const COUNT = 20;
bench.widget = "ours-multi";
try {
  bench.marks.readyStart = now();
  await NewsTimeline.ready;
  bench.marks.readyResolved = now();
  const response = await fetch("/data/ours-100.json");
  const text = await response.text();
  const hosts = [];
  for (let i = 0; i < COUNT; i++) {
    const host = document.createElement("div");
    host.className = "multi";
    host.id = `tl${i}`;
    document.body.append(host);
    hosts.push(host);
  }
  // Each widget gets its own parsed copy, as separate embeds on a page would.
  const datas = hosts.map(() => JSON.parse(text));
  bench.marks.mountCall = now();
  const handles = await Promise.all(hosts.map((host, i) => NewsTimeline.mount(host, datas[i], { height: 300 })));
  bench.marks.widgetReady = now();
  bench.marks.complete = await frames(2);
  bench.extra.widgets = handles.length;
  bench.extra.eventsEach = handles[0].getVisibleEvents().length;
  bench.extra.dom = countNodes(document.body);
} catch (error) {
  bench.error = String((error && error.stack) || error);
}
bench.done = true;
