/*! news-timeline iframe page (embed.html): reads the widget's data URL and
 * options from the query string, mounts it declaratively, and tells the
 * parent page its height (embed-host.js there sizes the iframe). */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var body = document.body;

  /** Posts the page's height to the parent whenever it changes. */
  var posted = -1;
  function postHeight() {
    if (window.parent === window) return;
    var height = Math.ceil(body.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    // Only a number leaves the frame, so any parent may read it.
    window.parent.postMessage({ type: "newstimeline:resize", height: height }, "*");
  }
  if ("ResizeObserver" in window) new ResizeObserver(postHeight).observe(body);
  // The parent's host script asks once it runs (it may start after us).
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || !event.data || event.data.type !== "newstimeline:measure") return;
    posted = -1;
    postHeight();
  });

  function fail(text) {
    var p = document.createElement("p");
    p.className = "embed-message";
    p.setAttribute("role", "alert");
    p.textContent = text;
    body.append(p);
    console.error("news-timeline embed: " + text);
    postHeight();
  }

  var src = params.get("src");
  var url = null;
  try {
    url = src ? new URL(src, location.href) : null;
  } catch (error) {
    url = null;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    fail(src ? 'The "src" parameter is not an http(s) URL: ' + src : 'This embed needs a "src" parameter: the URL of the timeline\'s data.');
    return;
  }

  var host = document.createElement("div");
  host.className = "embed-host";
  host.setAttribute("data-news-timeline", "");
  host.setAttribute("data-src", url.href);
  // The frame is on screen as soon as the reader sees it.
  host.setAttribute("data-loading", "eager");
  var height = Number(params.get("height"));
  if (params.has("height") && isFinite(height) && height > 0) host.setAttribute("data-height", String(Math.round(height)));
  var theme = params.get("theme");
  if (theme) host.setAttribute("data-theme", theme);
  var title = params.get("title");
  if (title) {
    host.setAttribute("data-title", title);
    document.title = title;
  }
  if (params.get("debug") === "true") host.setAttribute("data-debug", "");
  var lang = params.get("lang");
  if (lang) {
    host.setAttribute("data-lang", lang);
    document.documentElement.lang = lang;
  }
  // The loader (news-timeline.js, run just before) mounts it on insertion.
  body.append(host);
})();
