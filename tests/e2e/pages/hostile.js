// Globals an old news page leaves behind: an AMD loader's `define` (a UMD
// bundle would register itself with it instead of defining a global) and an
// old jQuery whose `$` is not document.querySelector.
(function () {
  "use strict";
  var modules = [];
  function define(name, deps, factory) {
    modules.push(arguments);
    throw new Error("hostile page: a script called the page's AMD define()");
  }
  define.amd = { jQuery: true };
  window.define = define;
  window.require = function () {
    throw new Error("hostile page: a script called the page's AMD require()");
  };
  function jQuery(selector) {
    return { jquery: "1.4.2", length: 0, selector: selector };
  }
  jQuery.fn = jQuery.prototype = { jquery: "1.4.2" };
  window.jQuery = window.$ = jQuery;
  window.__hostileAmdCalls = modules;
})();
