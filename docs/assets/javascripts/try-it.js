/* "Try it here": every page loads only this. On the reader's first scroll,
   pointer move, touch or key press it loads try-it.mjs, which puts Run
   buttons under the examples (docs/contributing.md, "Try it"). */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  // From file:// (the offline copy) a page can neither fetch the list nor
  // start a module worker: no buttons there.
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
