/*! news-timeline iframe host snippet: sizes every news-timeline iframe
 * (embed.html) on the page to the height of its timeline.
 *
 *   <iframe src="https://example.org/news-timeline/embed.html?src=…&height=420"
 *           title="Timeline" width="100%" height="420" frameborder="0" loading="lazy"></iframe>
 *   <script src="https://example.org/news-timeline/embed-host.js" defer></script>
 *
 * Include it once per page (CSP-safe: no inline code; the height is set
 * through the CSSOM). It listens for {type: "newstimeline:resize", height}
 * messages and applies each only to the iframe that sent it (matched by
 * event.source), if that iframe's src is on the sender's origin. */
(function () {
  "use strict";
  var frames = document.getElementsByTagName("iframe");

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (error) {
      return null;
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "newstimeline:resize") return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 0 || height > 100000) return;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (originOf(frame) === event.origin) frame.style.setProperty("height", Math.ceil(height) + "px");
      return;
    }
  });

  // Frames that reported before this script ran report again.
  function ask() {
    for (var i = 0; i < frames.length; i++) {
      var origin = originOf(frames[i]);
      if (frames[i].contentWindow && origin && origin !== "null") {
        frames[i].contentWindow.postMessage({ type: "newstimeline:measure" }, origin);
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ask);
  else ask();
})();
