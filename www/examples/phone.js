// news-timeline developer example: the demo timeline on two phone screens,
// the time track and the list layout. Loaded as a module after the deferred
// loader (../news-timeline.js). Each screen is a 375 px div: the widget
// chooses its narrow layout by its own width, so nothing else is needed.

const data = await (await fetch("seed-events.json")).json();

await Promise.all([
  NewsTimeline.mount("#phone-track", data, { height: 460 }),
  NewsTimeline.mount("#phone-list", data, { layout: "list" }),
]);
