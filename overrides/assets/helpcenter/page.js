/* Help center, every page (runs right after Material's bundle). The troubleshooters'
   own script is inlined into the pages that have one (helpcenter.js). */
(function () {
  "use strict";

  /* Material fetches <href>/sitemap.xml for each link[rel=alternate] on load. Our
     hreflang links are absolute (another host when previewing) and not site roots (so
     404s), and the switch to another language is handled by the troubleshooter script,
     keeping the step. So hide them from that one scan and put them back right after it. */
  var hidden = [].slice.call(document.querySelectorAll("link[rel=alternate][hreflang]"));
  hidden.forEach(function (link) { link.rel = "x-alternate"; });

  function start() {
    hidden.forEach(function (link) { link.rel = "alternate"; });
    hidden = [];
    /* Material's search dialog has no accessible name (axe: aria-dialog-name). */
    var dialog = document.querySelector(".md-search[role=dialog]"), input = document.querySelector(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }
  if (window.document$) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
