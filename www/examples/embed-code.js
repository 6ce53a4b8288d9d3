// news-timeline embed code page: the URL of a timeline's data in, a live
// preview and three snippets out. A classic script run after the deferred
// loader; the page's text is written with textContent only, never innerHTML.
(function () {
  "use strict";
  var form = document.getElementById("embed-form");
  var fields = {
    src: document.getElementById("ec-src"),
    height: document.getElementById("ec-height"),
    theme: document.getElementById("ec-theme"),
    lang: document.getElementById("ec-lang"),
    title: document.getElementById("ec-title"),
  };
  var problem = document.getElementById("ec-problem");
  var preview = document.getElementById("ec-preview");
  var frame = document.getElementById("ec-frame");
  var copied = document.getElementById("ec-copied");
  var codes = {
    script: document.getElementById("ec-code-script"),
    element: document.getElementById("ec-code-element"),
    iframe: document.getElementById("ec-code-iframe"),
  };

  // The bundle's folder: where the loader this page uses lives.
  var loader = document.querySelector('script[src$="news-timeline.js"]');
  var bundle = new URL(".", loader ? loader.src : new URL("../", location.href)).href;

  // ?src=… fills the field (a link to this page can carry the data URL).
  var given = new URLSearchParams(location.search).get("src");
  fields.src.value = given || new URL("seed-events.json", location.href).href;

  function escape(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /** The form's settings, or null (with the problem shown) if unusable. */
  function read() {
    var url;
    try {
      url = new URL(fields.src.value.trim(), location.href);
    } catch (error) {
      url = null;
    }
    if (!url || !fields.src.value.trim() || (url.protocol !== "https:" && url.protocol !== "http:")) {
      problem.textContent = "Enter the http(s) URL of a JSON, TimelineJS3 or CSV file.";
      return null;
    }
    var height = Math.round(Number(fields.height.value));
    if (!isFinite(height) || height < 160 || height > 2000) {
      problem.textContent = "The height is a number of pixels between 160 and 2000.";
      return null;
    }
    var lang = fields.lang.value.trim();
    if (lang) {
      try {
        Intl.DateTimeFormat.supportedLocalesOf([lang]);
      } catch (error) {
        problem.textContent = '"' + lang + '" is not a language tag such as "en" or "de-CH".';
        return null;
      }
    }
    problem.textContent = "";
    return { src: url.href, height: height, theme: fields.theme.value, lang: lang, title: fields.title.value.trim() };
  }

  /** [name, value] pairs of the options that differ from the defaults. */
  function options(settings) {
    var list = [["height", String(settings.height)]];
    if (settings.theme !== "auto") list.push(["theme", settings.theme]);
    if (settings.lang) list.push(["lang", settings.lang]);
    if (settings.title) list.push(["title", settings.title]);
    return list;
  }

  function embedUrl(settings) {
    var query = "src=" + encodeURIComponent(settings.src);
    options(settings).forEach(function (option) {
      query += "&" + option[0] + "=" + encodeURIComponent(option[1]);
    });
    return bundle + "embed.html?" + query;
  }

  function snippets(settings) {
    var script = '<script src="' + escape(bundle + "news-timeline.js") + '" defer></script>';
    var data = options(settings)
      .map(function (option) {
        return " data-" + option[0] + '="' + escape(option[1]) + '"';
      })
      .join("");
    // On <news-timeline>, `title` would also be the element's tooltip.
    var attributes = options(settings)
      .map(function (option) {
        return " " + (option[0] === "title" ? "data-title" : option[0]) + '="' + escape(option[1]) + '"';
      })
      .join("");
    return {
      script: script + "\n<div data-news-timeline data-src=\"" + escape(settings.src) + '"' + data + "></div>",
      element: script + '\n<news-timeline src="' + escape(settings.src) + '"' + attributes + "></news-timeline>",
      iframe:
        '<iframe src="' + escape(embedUrl(settings)) + '" title="' + escape(settings.title || "Timeline") +
        '" width="100%" height="' + settings.height + '" frameborder="0" loading="lazy"></iframe>\n' +
        '<script src="' + escape(bundle + "embed-host.js") + '" defer></script>',
    };
  }

  var shown = null;
  function apply() {
    var settings = read();
    if (!settings) return;
    var text = snippets(settings);
    codes.script.textContent = text.script;
    codes.element.textContent = text.element;
    codes.iframe.textContent = text.iframe;
    var key = JSON.stringify(settings);
    if (key === shown) return;
    shown = key;
    // A new element each time: the loader mounts it on insertion and
    // destroys the one it replaces.
    var element = document.createElement("news-timeline");
    element.setAttribute("src", settings.src);
    element.setAttribute("loading", "eager");
    options(settings).forEach(function (option) {
      element.setAttribute(option[0] === "title" ? "data-title" : option[0], option[1]);
    });
    preview.replaceChildren(element);
    frame.src = embedUrl(settings);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("change", apply);

  function copy(button) {
    var code = document.getElementById(button.getAttribute("data-copy"));
    var text = code.textContent;
    var done = function () {
      copied.textContent = "Copied: " + button.parentNode.querySelector("h3").textContent + ".";
    };
    var select = function () {
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copied.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, select);
    else select();
  }
  Array.prototype.forEach.call(document.querySelectorAll(".ec-copy"), function (button) {
    button.addEventListener("click", function () {
      copy(button);
    });
  });

  apply();
})();
