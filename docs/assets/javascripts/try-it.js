/* "Try it here" (docs/contributing.md): every page loads only this; the
   reader's first scroll, pointer move, touch or key press loads try-it.mjs. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  // file:// (the offline copy) can neither fetch the list nor start a worker.
  if (!here || location.protocol === "file:" || !window.IntersectionObserver || !window.Worker) return;
  var events = ["scroll", "pointerover", "touchstart", "keydown"];
  function load() {
    events.forEach(function (name) {
      removeEventListener(name, load, true);
    });
    import(new URL("try-it.mjs", here).href);
  }
  events.forEach(function (name) {
    addEventListener(name, load, { capture: true, passive: true });
  });
})();
