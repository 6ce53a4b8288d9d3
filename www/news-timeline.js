/*! news-timeline loader: a classic script (use it with defer or async).
 *
 * It defines window.NewsTimeline, loads the wasm widget from its own folder
 * (once, lazily), and mounts every [data-news-timeline] and <news-timeline>
 * element, including ones inserted later. No other requests, no globals
 * besides NewsTimeline, no document-level input listeners.
 */
(function () {
  "use strict";
  if (window.NewsTimeline) return; // the loader was included twice

  var VERSION = "0.1.0";
  var SELECTOR = "[data-news-timeline], news-timeline";
  var EVENT_NAMES = ["select", "rangechange", "filterchange", "warning", "datachange"];
  /** The fewest seconds between two refreshes (the wasm side agrees). */
  var MIN_REFRESH = 15;
  var DEFAULT_HEIGHT = 420;
  var script = document.currentScript;
  // The folder of news_timeline.js and news_timeline_bg.wasm: the loader's
  // own, or (for bundles, where there is no currentScript) the one a
  // <meta name="news-timeline-base" content="/static/news-timeline/"> names.
  var baseMeta = document.querySelector('meta[name="news-timeline-base"]');
  var base = new URL(
    (baseMeta && baseMeta.getAttribute("content")) || ".",
    (baseMeta && document.baseURI) || (script && script.src) || document.baseURI
  ).href;

  var gluePromise = null;
  /** The glue once loaded, so that a mount can start at once. */
  var loadedGlue = null;
  /** Loads the glue and the wasm once; every widget shares the instance.
   * A failure is final for the page and reported once on the console; the
   * Promise rejects with an Error whose `newsTimelineLoad` is true. */
  function load() {
    if (!gluePromise) {
      gluePromise = instantiate()
        .then(function (glue) {
          loadedGlue = glue;
          scheduleWarmUp(glue);
          return glue;
        })
        .catch(function (error) {
          var failure = new Error("the widget could not be loaded from " + base + " (" + ((error && error.message) || error) + ")");
          failure.newsTimelineLoad = true;
          throw failure;
        });
      gluePromise.catch(function (error) {
        console.error("news-timeline: " + error.message + "; the page's own content stays in place");
      });
    }
    return gluePromise;
  }

  var mountedOnce = false;
  var WARM_UP_DATA = JSON.stringify([
    { start: "2001-02-03", title: "A", text: "<p>a</p>", tags: ["x"], importance: 3 },
    { start: "2005", end: "2007-06", title: "B" },
  ]);

  /** V8 compiles a wasm function on its first call: a page's first mount
   * spent ~45 ms compiling. Until one happens, the first idle moment after
   * loading mounts a small timeline on an element never put in the
   * document, and destroys it. Errors are left to the real mount. */
  function scheduleWarmUp(glue) {
    (window.requestIdleCallback || setTimeout)(function () {
      if (mountedOnce) return;
      try {
        var options = { lang: resolveLang(document.documentElement) };
        glue.destroy(glue.mount(document.createElement("div"), WARM_UP_DATA, undefined, 0, false, options, function () {}));
      } catch (error) {
        // As said: the real mount reports it.
      }
    });
  }

  /** Fetches the glue and the wasm in parallel and starts the instance.
   * The wasm is compiled while it streams when it is served as
   * application/wasm, and from its bytes otherwise. */
  function instantiate() {
    if (typeof WebAssembly !== "object" || WebAssembly === null || typeof WebAssembly.instantiate !== "function") {
      return Promise.reject(new Error("this browser cannot run WebAssembly"));
    }
    var wasmUrl = base + "news_timeline_bg.wasm";
    var wasm = fetch(wasmUrl, { credentials: "same-origin" })
      .catch(function () {
        throw new Error(wasmUrl + " could not be fetched (offline, or blocked by CORS or the Content-Security-Policy)");
      })
      .then(function (response) {
        if (!response.ok) throw new Error(wasmUrl + " answered " + response.status + " " + response.statusText);
        var type = response.headers.get("content-type") || "";
        if (/^application\/wasm\s*(;|$)/i.test(type) && typeof WebAssembly.instantiateStreaming === "function") return response;
        if (!/^application\/wasm\s*(;|$)/i.test(type)) {
          console.warn("news-timeline: " + wasmUrl + ' is served as "' + type + '", not application/wasm; compiling it from its bytes (slower: serve .wasm files as application/wasm)');
        }
        return response.arrayBuffer();
      });
    var glue = import(base + "news_timeline.js");
    // The browser's first Intl call loads its locale data (15-25 ms in
    // Chromium): done now, in a task of its own while the files download,
    // and not inside the first mount, which needs it for the axis.
    setTimeout(function () {
      resolveLang(document.documentElement);
    }, 0);
    // Both start now; a failure of either is the one reported.
    wasm.catch(function () {});
    glue.catch(function () {});
    return glue.then(function (module) {
      return wasm.then(function (wasmSource) {
        return module.default({ module_or_path: wasmSource }).then(function () {
          return module;
        });
      });
    });
  }

  /** A BigInt as JSON: an object the wasm side names "a BigInt" where it
   * reports a wrong type (JSON.stringify throws on BigInts, which would
   * reject the whole data for one bad field). */
  function bigIntAsJson(key, value) {
    return typeof value === "bigint" ? { "\u0000bigint": String(value) } : value;
  }

  /** JSON.stringify, with BigInts written so the wasm side can report
   * them (tried only after a plain stringify threw, to keep it fast). */
  function stringify(value) {
    try {
      return JSON.stringify(value);
    } catch (error) {
      if (!(error instanceof TypeError) || !/BigInt/.test(error.message)) throw error;
      return JSON.stringify(value, bigIntAsJson);
    }
  }

  /** Turns the data argument into JSON text for the wasm side, which
   * validates it (one string crosses the boundary, not thousands of objects). */
  function toJson(data) {
    try {
      return stringify(data);
    } catch (error) {
      throw new Error("data: cannot be read as JSON (" + error.message + ")");
    }
  }

  /** Events per piece of a large array (see toSource). */
  var PIECE = 4000;

  /** The data for the wasm side: `{text}`, or for more than PIECE events
   * `{text, pieces, total}`: the document with an empty events array, and
   * `pieces(whole)` giving the events' JSON a piece at a time (then
   * undefined), or the whole document's JSON when `whole`. One 20 MB
   * string for 100,000 events would be copied whole into wasm memory, which
   * never shrinks. With `now`, the pieces are written at once (a mount
   * that waits for the wasm: later changes to the data do not show, as
   * with one string); otherwise each is written when the wasm side asks,
   * which must be before the caller returns. Written one at a time, the
   * 20 MB of text is never alive at once: written at once, it set off a
   * 10-30 ms full garbage collection inside the mount. */
  function toSource(data, now) {
    var events = Array.isArray(data) ? data : data && typeof data === "object" && typeof data.toJSON !== "function" ? data.events : null;
    if (!Array.isArray(events) || events.length <= PIECE) return { text: toJson(data) };
    var shell = Array.isArray(data) ? [] : Object.assign({}, data, { events: [] });
    var piece = function (at) {
      // Not toJson: the wasm side words a thrown error as toJson does
      // ("data: cannot be read as JSON (…)"), and would prefix it twice.
      return at < events.length ? stringify(events.slice(at, at + PIECE)) : undefined;
    };
    var texts = [];
    if (now) for (var at = 0; at < events.length; at += PIECE) texts.push(toJson(events.slice(at, at + PIECE)));
    var next = 0;
    return {
      text: toJson(shell),
      total: events.length,
      pieces: function (whole) {
        if (whole) return stringify(data);
        if (!now) return piece(next++ * PIECE);
        var text = texts[next];
        texts[next++] = undefined;
        return text;
      },
    };
  }

  function resolveTarget(target) {
    if (typeof target === "string") {
      var found;
      try {
        found = document.querySelector(target);
      } catch (error) {
        throw new Error('target: "' + target + '" is not a valid CSS selector');
      }
      if (!found) throw new Error('target: no element matches the selector "' + target + '"');
      return found;
    }
    if (target instanceof Element) return target;
    throw new Error("target: expected an Element or a CSS selector, but found " + describe(target));
  }

  function describe(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    return typeof value === "object" ? "an object" : "a " + typeof value;
  }

  /** The language dates are written in: the option, else the host page's
   * lang, else the browser's; always one Intl accepts. */
  function resolveLang(host, requested) {
    var candidates = [requested];
    var withLang = host.closest("[lang]");
    candidates.push(withLang && withLang.getAttribute("lang"), navigator.language, "en");
    for (var i = 0; i < candidates.length; i++) {
      var lang = candidates[i];
      if (typeof lang !== "string" || !lang.trim()) continue;
      try {
        if (Intl.DateTimeFormat.supportedLocalesOf([lang.trim()]).length) return lang.trim();
      } catch (error) {
        if (i === 0) throw new Error('options.lang: "' + lang + '" is not a BCP 47 language tag such as "en" or "de-CH"');
      }
    }
    return "en";
  }

  var live = new Set();
  var handles = new WeakMap();

  /** The public handle: a thin shell around a registry id on the wasm side. */
  function Handle(glue, host, options) {
    this._glue = glue;
    this._host = host;
    this._options = options;
    this._listeners = new Map();
    this._id = 0;
  }

  Handle.prototype._live = function () {
    if (!this._id) throw new Error("NewsTimeline: this timeline was destroyed; mount a new one");
    return this._glue;
  };

  Handle.prototype._emit = function (name, detail) {
    var listeners = this._listeners.get(name);
    if (listeners) {
      Array.from(listeners).forEach(function (callback) {
        try {
          callback(detail);
        } catch (error) {
          console.error(error);
        }
      });
    }
    if (name === "warning" && typeof this._options.onWarning === "function") {
      try {
        this._options.onWarning(detail);
      } catch (error) {
        console.error(error);
      }
    }
    this._host.dispatchEvent(new CustomEvent("newstimeline:" + name, { detail: detail, bubbles: true, composed: true }));
  };

  Handle.prototype._reportProblems = function () {
    var problems = this._glue.getProblems(this._id);
    if (problems.length) this._emit("warning", { problems: problems });
  };

  Handle.prototype.setEvents = function (data) {
    var source = toSource(data, false);
    var change = this._live().changeEvents(this._id, 0, source.text, source.pieces, source.total || 0, false);
    this._reportProblems();
    this._changed(change);
  };

  /** Emits `datachange` for a change the wasm side made (and `warning`
   * for the problems it brought), unless nothing changed; returns the
   * change. */
  Handle.prototype._changed = function (result) {
    if (result.problems.length) this._emit("warning", { problems: result.problems });
    var change = { added: result.added, updated: result.updated, removed: result.removed };
    if (change.added.length || change.updated.length || change.removed.length) this._emit("datachange", change);
    return change;
  };

  Handle.prototype.addEvents = function (events) {
    var self = this;
    return new Promise(function (resolve) {
      var glue = self._live();
      if (!Array.isArray(events)) throw new Error("addEvents: expected an array of events, but found " + describe(events));
      // As a document's events: the wasm side tells TimelineJS3 slides by
      // them, and reports problems at paths in the array (`[2].start`).
      var source = toSource({ events: events }, false);
      var change = self._changed(glue.changeEvents(self._id, 1, source.text, source.pieces, source.total || 0, false));
      resolve({ added: change.added, updated: change.updated });
    });
  };
  Handle.prototype.removeEvents = function (ids) {
    var glue = this._live();
    if (!Array.isArray(ids)) throw new Error("removeEvents: expected an array of event ids, but found " + describe(ids));
    ids.forEach(function (id, at) {
      if (typeof id !== "string") throw new Error("removeEvents: expected event ids (strings), but [" + at + "] is " + describe(id));
    });
    return this._changed(glue.changeEvents(this._id, 3, JSON.stringify(ids), undefined, 0, false)).removed;
  };
  Handle.prototype.reload = function () {
    var self = this;
    return new Promise(function (resolve) {
      self._live();
      if (!self._src) throw new Error("reload: this timeline has no src or data-src to read again");
      resolve(
        self._readAgain().catch(function (error) {
          throw new Error("reload: " + error.message);
        })
      );
    });
  };

  /** Reads the data's file again (a conditional request) and shows it,
   * the file being the truth; resolves with the change (none when the
   * file has not changed). */
  Handle.prototype._readAgain = function () {
    var self = this;
    var src = self._src;
    return fetchData("", src.url, src).then(function (data) {
      if (!data || !self._id) return { added: [], updated: [], removed: [] };
      var change = self._changed(self._glue.changeEvents(self._id, 2, data.text, undefined, 0, data.csv));
      // Only once the data was good: an invalid file is read again.
      src.etag = data.etag;
      src.lastModified = data.lastModified;
      return change;
    });
  };
  Handle.prototype.getWindow = function () {
    return this._live().getWindow(this._id);
  };
  Handle.prototype.setWindow = function (start, end) {
    this._live().setWindow(this._id, start, end);
  };
  Handle.prototype.fit = function () {
    this._live().fit(this._id);
  };
  Handle.prototype.getVisibleEvents = function () {
    return this._live().getVisibleEvents(this._id);
  };
  Handle.prototype.select = function (id) {
    this._live().select(this._id, id);
  };
  Handle.prototype.setFilter = function (filter) {
    this._live().setFilter(this._id, filter);
  };
  Handle.prototype.getFilter = function () {
    return this._live().getFilter(this._id);
  };
  Handle.prototype.getProblems = function () {
    return this._live().getProblems(this._id);
  };
  Handle.prototype.on = function (name, callback) {
    this._live();
    if (EVENT_NAMES.indexOf(name) < 0) {
      throw new Error('on: unknown event "' + name + '"; expected one of ' + EVENT_NAMES.join(", "));
    }
    if (typeof callback !== "function") throw new Error("on: expected a function, but found " + describe(callback));
    var listeners = this._listeners.get(name) || new Set();
    this._listeners.set(name, listeners);
    var entry = function (detail) {
      callback(detail);
    };
    listeners.add(entry);
    return function unsubscribe() {
      listeners.delete(entry);
    };
  };
  Handle.prototype.destroy = function () {
    if (!this._id) return;
    var id = this._id;
    this._id = 0;
    this._listeners.clear();
    if (this._onHashChange) {
      window.removeEventListener("hashchange", this._onHashChange);
      this._onHashChange = null;
    }
    if (this._stopRefresh) this._stopRefresh();
    live.delete(this);
    if (handles.get(this._host) === this) handles.delete(this._host);
    if (this._host.newsTimeline === this) delete this._host.newsTimeline;
    // Runs after any widget callback on the stack has returned.
    var glue = this._glue;
    queueMicrotask(function () {
      glue.destroy(id);
    });
  };

  /** Mounts a source (see toSource; CSV text when `source.csv`) on a
   * host; the wasm side parses and validates it. */
  function mountSource(glue, host, source, options) {
    mountedOnce = true;
    var previous = handles.get(host);
    if (previous) previous.destroy();
    var handle = new Handle(glue, host, options);
    var wasmOptions = {
      height: options.height,
      title: options.title,
      debug: options.debug,
      minSpan: options.minSpan,
      theme: options.theme,
      layout: options.layout,
      timeZone: options.timeZone,
      lanes: options.lanes,
      lang: resolveLang(host, options.lang),
      follow: options.follow,
      start: options.start,
      end: options.end,
      startAt: options.startAt,
      showNow: options.showNow,
      // Checked there with the others (a warning when below 15); used here.
      refresh: options.refresh,
    };
    handle._id = glue.mount(host, source.text, source.pieces, source.total || 0, !!source.csv, wasmOptions, function (name, detail) {
      if (!handle._id) return;
      if (name === "select") handle._selected = detail.id;
      handle._emit(name, detail);
      if (options.hash && (name === "select" || name === "filterchange")) writeHash(handle);
    });
    // The widget now has the reserved height itself.
    releaseSpace(host);
    handles.set(host, handle);
    live.add(handle);
    host.newsTimeline = handle;
    handle._src = source.src || null;
    var refresh = options.refresh;
    if (handle._src && typeof refresh === "number" && isFinite(refresh) && refresh >= MIN_REFRESH) keepFresh(handle, refresh);
    if (options.hash) followHash(handle);
    else openDeepLink(glue, handle);
    // After the rest of the caller's task: mount() may mount before it
    // returns, and a page that listens just after calling it must hear.
    queueMicrotask(function () {
      if (!handle._id) return;
      handle._reportProblems();
      host.dispatchEvent(new CustomEvent("newstimeline:ready", { detail: { handle: handle }, bubbles: true, composed: true }));
    });
    return handle;
  }

  /** `refresh`: reads the data's file again every `seconds` while the
   * page is visible (a hidden page waits, and reads it as soon as it is
   * shown again). A failure keeps what is shown, is said once (console
   * and the debug notice) until a refresh succeeds, and the next tick
   * tries again. */
  function keepFresh(handle, seconds) {
    var timer = 0;
    var due = false;
    var failing = false;
    var schedule = function () {
      if (handle._id) timer = setTimeout(tick, seconds * 1000);
    };
    var tick = function () {
      timer = 0;
      if (!handle._id) return;
      if (document.hidden) {
        due = true;
        return;
      }
      handle
        ._readAgain()
        .then(
          function () {
            if (failing && handle._id) handle._glue.changeEvents(handle._id, 4, null, undefined, 0, false);
            failing = false;
          },
          function (error) {
            if (failing || !handle._id) return;
            failing = true;
            var message = "could not be refreshed: " + error.message + " (the data shown stays; the next refresh tries again)";
            console.warn("news-timeline: " + message, handle._host);
            handle._glue.changeEvents(handle._id, 4, message, undefined, 0, false);
          }
        )
        .then(schedule);
    };
    var onVisibility = function () {
      if (due && !document.hidden) {
        due = false;
        tick();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    handle._stopRefresh = function () {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
    schedule();
  }

  /** A page opened at `#event-<id>` opens that event's card, in whichever
   * widget holds it (shared links from the card's "Copy link"). */
  function openDeepLink(glue, handle) {
    var match = /^#event-(.+)$/.exec(location.hash);
    if (!match) return;
    var id;
    try {
      id = decodeURIComponent(match[1]);
    } catch (error) {
      return;
    }
    try {
      glue.select(handle._id, id);
    } catch (error) {
      // Not this widget's event.
    }
  }

  // ---- the `hash` option: selection and filter in the URL ------------
  //
  // #event-<id>&q=<query>&tags=<a>,<b>&from=<date>&to=<date>&importance=<n>
  // (each value URI-encoded; a lone #event-<id> is the plain deep link).

  /** The state a hash describes: {id, filter}; id null when none. */
  function readHash(hash) {
    var state = { id: null, filter: {} };
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var value;
      try {
        if (part.indexOf("event-") === 0) {
          state.id = decodeURIComponent(part.slice(6));
          return;
        }
        var at = part.indexOf("=");
        if (at < 1) return;
        var key = part.slice(0, at);
        value = part.slice(at + 1);
        if (key === "q") state.filter.query = decodeURIComponent(value);
        else if (key === "tags") state.filter.tags = value.split(",").map(decodeURIComponent);
        else if (key === "from" || key === "to") state.filter[key] = decodeURIComponent(value);
        else if (key === "importance") state.filter.minImportance = Number(value);
      } catch (error) {
        // A malformed part of a hand-edited URL is ignored.
      }
    });
    return state;
  }

  /** The hash for a handle's current selection and filter ("" for none). */
  function hashOf(handle) {
    var filter = handle.getFilter();
    var parts = [];
    if (handle._selected) parts.push("event-" + encodeURIComponent(handle._selected));
    if (filter.query) parts.push("q=" + encodeURIComponent(filter.query));
    if (filter.tags && filter.tags.length) parts.push("tags=" + filter.tags.map(encodeURIComponent).join(","));
    if (filter.from) parts.push("from=" + encodeURIComponent(filter.from));
    if (filter.to) parts.push("to=" + encodeURIComponent(filter.to));
    if (filter.minImportance) parts.push("importance=" + filter.minImportance);
    return parts.length ? "#" + parts.join("&") : "";
  }

  /** Whether two hashes describe the same state ("#" and "" are empty). */
  function sameHash(a, b) {
    return a.replace(/^#/, "") === b.replace(/^#/, "");
  }

  /** Mirrors the state in the address bar without a history entry per
   * keystroke (replaceState fires no hashchange and does not scroll). */
  function writeHash(handle) {
    var hash = hashOf(handle);
    if (sameHash(hash, location.hash)) return;
    history.replaceState(history.state, "", location.pathname + location.search + hash);
  }

  /** Applies the hash now and whenever the reader changes it (back button,
   * edited address); stops with the widget. */
  function followHash(handle) {
    var apply = function () {
      if (!handle._id) return;
      var state = readHash(location.hash);
      // Our own replaceState, or a hash that says what is shown already.
      if (sameHash(location.hash, hashOf(handle))) return;
      try {
        handle.setFilter(state.filter);
      } catch (error) {
        console.warn("news-timeline: the address's filter was ignored: " + error.message);
      }
      try {
        handle.select(state.id);
      } catch (error) {
        // Not this widget's event.
      }
    };
    handle._onHashChange = apply;
    window.addEventListener("hashchange", apply);
    apply();
  }

  function mount(target, data, options) {
    return new Promise(function (resolve) {
      var host = resolveTarget(target);
      if (options != null && typeof options !== "object") {
        throw new Error("options: expected an object, but found " + describe(options));
      }
      // With the wasm loaded, the data is read now, before mount() returns.
      if (loadedGlue) return resolve(mountSource(loadedGlue, host, toSource(data, false), options || {}));
      var source = toSource(data, true);
      resolve(
        load().then(function (glue) {
          return mountSource(glue, host, source, options || {});
        })
      );
    });
  }

  // ---- declarative mounting -------------------------------------------

  /** Options from `data-foo-bar` (or `foo-bar` on <news-timeline>). */
  function declaredOptions(element) {
    var options = {};
    var custom = element.localName === "news-timeline";
    Array.from(element.attributes).forEach(function (attr) {
      var name = attr.name;
      if (name.indexOf("data-") === 0) name = name.slice(5);
      else if (!custom) return;
      var key = name.replace(/-([a-z])/g, function (_, c) {
        return c.toUpperCase();
      });
      if (key === "newsTimeline" || key === "src") return;
      var value = attr.value;
      if (key === "height" || key === "minSpan" || key === "refresh") value = Number(value);
      else if (key === "debug" || key === "hash" || key === "follow" || key === "showNow") value = value !== "false";
      options[key] = value;
    });
    return options;
  }

  /** Events from an <ol>/<ul> of <li><time datetime>…</li>: the list
   * stays in the page for readers without JavaScript and search engines. */
  function eventsFromList(list) {
    return Array.from(list.children)
      .filter(function (li) {
        return li.localName === "li";
      })
      .map(function (li) {
        var time = li.querySelector("time[datetime]");
        var text = li.textContent;
        if (time) text = text.replace(time.textContent, "");
        var event = { start: time ? time.getAttribute("datetime") : null, title: text.replace(/^\s*[:\u2013\u2014-]?\s*/, "").trim() };
        if (li.id) event.id = li.id;
        var tags = li.getAttribute("data-tags");
        if (tags) event.tags = tags.split(",").map(function (t) { return t.trim(); }).filter(Boolean);
        return event;
      });
  }

  /** How fetched data is read: the Content-Type, then the file extension,
   * then the first non-space character decide between JSON and CSV. */
  function isCsv(url, contentType, text) {
    if (/csv/i.test(contentType)) return true;
    if (/json/i.test(contentType)) return false;
    var path = new URL(url).pathname.toLowerCase();
    if (/\.csv$/.test(path)) return true;
    if (/\.json$/.test(path)) return false;
    var first = text.replace(/^[\s\ufeff]+/, "").charAt(0);
    return first !== "{" && first !== "[";
  }

  /** The published-CSV address of a Google Sheets share, edit or
   * publish URL (keeping its sheet, `gid`); null for any other URL. */
  function sheetsCsvUrl(href) {
    var url;
    try {
      url = new URL(href);
    } catch (error) {
      return null;
    }
    var match = /^\/spreadsheets\/d\/(e\/)?([\w-]+)/.exec(url.pathname);
    if (url.hostname !== "docs.google.com" || !match) return null;
    var gid = url.searchParams.get("gid") || (/(?:^#|&)gid=(\d+)/.exec(url.hash) || [])[1];
    return "https://docs.google.com/spreadsheets/d/" + (match[1] || "") + match[2] + "/pub?output=csv" + (gid ? "&gid=" + gid + "&single=true" : "");
  }

  /** Reads the data at `src` (errors start with `what: ` when given):
   * `{text, csv, url, etag, lastModified}`, or
   * null when `known` (the validators of the last reading) says it has
   * not changed: same-origin requests are conditional (If-None-Match,
   * If-Modified-Since; a 304 costs no body), others revalidate the
   * browser's copy. A Google Sheet is read as its published CSV. */
  function fetchData(what, src, known) {
    var url = new URL(src, document.baseURI).href;
    var sheet = sheetsCsvUrl(url);
    var fail = function (why) {
      if (sheet) {
        why =
          "the Google Sheet " + url + " is not published to the web, so it cannot be read (in Google Sheets: File > Share > Publish to web, " +
          'choose the sheet and "Comma-separated values (.csv)", then Publish)';
      }
      return new Error(what ? what + ": " + why : why);
    };
    if (sheet) url = sheet;
    var init = { credentials: "same-origin" };
    if (known && new URL(url).origin === location.origin) {
      init.headers = {};
      if (known.etag) init.headers["If-None-Match"] = known.etag;
      if (known.lastModified) init.headers["If-Modified-Since"] = known.lastModified;
    } else if (known) {
      init.cache = "no-cache";
    }
    return fetch(url, init)
      .catch(function () {
        throw fail(url + " could not be fetched (offline, or blocked by CORS)");
      })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) throw fail(url + " answered " + response.status + " " + response.statusText);
        var type = response.headers.get("content-type") || "";
        if (sheet && /html/i.test(type)) throw fail("");
        var etag = response.headers.get("etag");
        var lastModified = response.headers.get("last-modified");
        if (known && (etag ? etag === known.etag : lastModified && lastModified === known.lastModified)) return null;
        return response.text().then(function (text) {
          return { text: text, csv: isCsv(url, type, text), url: src, etag: etag, lastModified: lastModified };
        });
      });
  }

  /** The element's data: `{text, csv, src}` from `src`, a JSON script
   * child, or a list. */
  function declaredData(element) {
    var src = element.getAttribute("data-src") || (element.localName === "news-timeline" && element.getAttribute("src"));
    if (src) {
      return fetchData("data-src", src, null).then(function (data) {
        return { text: data.text, csv: data.csv, src: { url: data.url, etag: data.etag, lastModified: data.lastModified } };
      });
    }
    var json = element.querySelector(':scope > script[type="application/json"]');
    if (json) return Promise.resolve({ text: json.textContent, csv: false });
    var list = element.querySelector(":scope > ol, :scope > ul");
    if (list) return Promise.resolve({ text: toJson(eventsFromList(list)), csv: false });
    return Promise.reject(new Error('no data: give the element a data-src URL, a <script type="application/json"> child, or a list of <li><time datetime>…</li> items'));
  }

  var FAILURE_CSS =
    ":host{display:block}.nt-failed{box-sizing:border-box;padding:16px;border:1px solid var(--nt-border,#d9d9d9);" +
    "border-radius:var(--nt-radius,6px);background:var(--nt-bg,#fff);color:var(--nt-fg,#1a1a1a);" +
    "font:16px/1.4 var(--nt-font,system-ui,sans-serif);letter-spacing:normal;text-align:center}" +
    ".nt-failed p{margin:0 0 12px}.nt-failed p:last-child{margin:0}.nt-failed a{color:inherit}" +
    ".nt-failed button{min-height:32px;padding:0 14px;border:1px solid var(--nt-border,#c9c9c9);" +
    "border-radius:var(--nt-radius,6px);background:transparent;color:inherit;font:inherit;cursor:pointer}" +
    "@media (prefers-color-scheme:dark){.nt-failed{background:var(--nt-bg,#161616);color:var(--nt-fg,#ececec)}}";

  /** What a reader sees when the timeline could not be shown: a plain
   * message, and a retry button (data failures) or a link to the data
   * (the developer detail goes to the console). */
  function showFailure(element, retry, link) {
    var root = element.shadowRoot;
    if (!root) {
      try {
        root = element.attachShadow({ mode: "open" });
      } catch (error) {
        return;
      }
    }
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(FAILURE_CSS);
    root.adoptedStyleSheets = [sheet];
    var box = document.createElement("div");
    box.className = "nt-failed";
    box.setAttribute("role", "alert");
    var message = document.createElement("p");
    message.textContent = "The timeline could not be loaded.";
    box.append(message);
    if (retry) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "Try again";
      button.addEventListener("click", retry);
      box.append(button);
    }
    if (link) {
      var p = document.createElement("p");
      var a = document.createElement("a");
      a.href = link;
      a.textContent = "Open the timeline's data";
      p.append(a);
      box.append(p);
    }
    root.replaceChildren(box);
  }

  // ---- the placeholder: declarative hosts keep their final height -------
  //
  // Until the widget mounts, the host is given the widget's height (the
  // `height` option) through the CSSOM, so nothing below it moves when the
  // wasm arrives (CLS 0). Content it already has (a list) scrolls inside that
  // box. The host's own inline values come back once the widget, which is
  // exactly that tall, is in place, or when it cannot be.

  var SPACE_PROPERTIES = ["display", "box-sizing", "min-height", "max-height", "overflow-y"];
  var reserved = new WeakMap();

  function declaredHeight(element) {
    var height = declaredOptions(element).height;
    return typeof height === "number" && isFinite(height) && height > 0 ? height : DEFAULT_HEIGHT;
  }

  /** Whether the host has something of its own for readers (not just a
   * JSON data script). */
  function hasOwnContent(element) {
    return Array.from(element.childNodes).some(function (node) {
      if (node.nodeType === 3) return node.nodeValue.trim() !== "";
      return node.nodeType === 1 && !(node.localName === "script" || node.localName === "template");
    });
  }

  function reserveSpace(element) {
    if (reserved.has(element) || handles.has(element) || !element.isConnected) return;
    var style = element.style;
    if (!style) return;
    var computed = getComputedStyle(element);
    if (computed.display === "none" || computed.display === "contents") return;
    var saved = SPACE_PROPERTIES.map(function (name) {
      return [name, style.getPropertyValue(name), style.getPropertyPriority(name)];
    });
    reserved.set(element, saved);
    var height = Math.round(declaredHeight(element)) + "px";
    // An unknown element such as <news-timeline> is inline until its
    // shadow stylesheet makes it a block.
    if (computed.display === "inline") style.setProperty("display", "block");
    style.setProperty("box-sizing", "content-box");
    style.setProperty("min-height", height);
    // A list layout is as tall as its events: its content (a list) keeps
    // its own height.
    if (hasOwnContent(element) && declaredOptions(element).layout !== "list") {
      style.setProperty("max-height", height);
      style.setProperty("overflow-y", "auto");
    }
  }

  function releaseSpace(element) {
    var saved = reserved.get(element);
    if (!saved) return;
    reserved.delete(element);
    saved.forEach(function (entry) {
      if (entry[1]) element.style.setProperty(entry[0], entry[1], entry[2]);
      else element.style.removeProperty(entry[0]);
    });
    if (!element.getAttribute("style")) element.removeAttribute("style");
  }

  // ---- mounting when near the viewport -----------------------------------

  var started = new WeakSet();
  /** Declarative hosts waiting to come near the viewport. */
  var waiting = new Set();

  function mountDeclared(element) {
    if (started.has(element)) return;
    started.add(element);
    waiting.delete(element);
    var options = declaredOptions(element);
    var data = declaredData(element);
    data.catch(function () {});
    load()
      .then(function (glue) {
        return data.then(function (result) {
          if (element.isConnected) mountSource(glue, element, result, options);
          else started.delete(element);
        });
      })
      .catch(function (error) {
        releaseSpace(element);
        if (error && error.newsTimelineLoad) {
          // Reported once by load(); the page's own content (a list) stays,
          // an empty host says so and links to its data.
          if (!hasOwnContent(element)) {
            var src = element.getAttribute("data-src") || (element.localName === "news-timeline" && element.getAttribute("src"));
            showFailure(element, null, src ? new URL(src, document.baseURI).href : null);
          }
          return;
        }
        console.error("news-timeline: " + error.message, element);
        if (!/^target: /.test(error.message)) {
          showFailure(element, function () {
            started.delete(element);
            mountDeclared(element);
          });
        } else {
          started.delete(element);
        }
      });
  }

  var nearViewport =
    "IntersectionObserver" in window &&
    new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            nearViewport.unobserve(entry.target);
            waiting.delete(entry.target);
            // Unless a page script mounted it meanwhile.
            if (!handles.has(entry.target)) mountDeclared(entry.target);
          }
        });
      },
      // "Near": within one viewport height above or below.
      { rootMargin: "100% 0px" }
    );

  function scan(root) {
    var elements = [];
    if (root.matches && root.matches(SELECTOR)) elements.push(root);
    if (root.querySelectorAll) elements.push.apply(elements, root.querySelectorAll(SELECTOR));
    elements.forEach(function (element) {
      if (started.has(element) || handles.has(element)) return;
      reserveSpace(element);
      var lazy = declaredOptions(element).loading !== "eager";
      if (lazy && nearViewport) {
        waiting.add(element);
        nearViewport.observe(element);
      } else {
        mountDeclared(element);
      }
    });
  }

  // Printing shows a waiting host's own content (a list) whole, not in
  // its reserved box; the box comes back after.
  window.addEventListener("beforeprint", function () {
    waiting.forEach(releaseSpace);
  });
  window.addEventListener("afterprint", function () {
    waiting.forEach(reserveSpace);
  });

  var removalCheck = 0;
  /** A host removed and not re-inserted before the task ends is destroyed;
   * a waiting one is no longer watched (it is again if it comes back). */
  function scheduleRemovalCheck() {
    if (removalCheck) return;
    removalCheck = setTimeout(function () {
      removalCheck = 0;
      live.forEach(function (handle) {
        if (!handle._host.isConnected) handle.destroy();
      });
      waiting.forEach(function (element) {
        if (!element.isConnected) {
          waiting.delete(element);
          nearViewport.unobserve(element);
          releaseSpace(element);
        }
      });
    }, 0);
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType === 1) scan(node);
      });
      if (record.removedNodes.length && (live.size || waiting.size)) scheduleRemovalCheck();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  var api = { version: VERSION, mount: mount };
  Object.defineProperty(api, "ready", {
    enumerable: true,
    get: function () {
      return load().then(function () {});
    },
  });
  window.NewsTimeline = Object.freeze(api);
  document.dispatchEvent(new CustomEvent("newstimeline:loaded"));

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      scan(document);
    });
  } else {
    scan(document);
  }
})();
