// kabar: small progressive enhancements only; every page works without this file.
(function () {
  "use strict";
  // "/" focuses the search box, as on many news and code sites.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
    if (event.key === "/" && !typing) {
      var box = document.getElementById("quicksearch");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    }
  });
  // Timeline dots take keyboard focus, so their tooltips (SVG <title>) reach keyboard users too.
  document.querySelectorAll(".timeline-chart circle").forEach(function (dot) {
    dot.setAttribute("tabindex", "0");
  });
})();
