/* "Try it here": run an example in the page, in CPython compiled to
   WebAssembly (Pyodide), on the same virtual clock as the test suite.

   Which examples get a Run button is docs/assets/runnable.json, written by
   `make update-browser` from real runs (tools/pyodide/run_all.mjs) and
   checked by tests/test_browser_run.py: only examples that printed exactly
   their stored Python 3.14 output there. The others get a one-line note
   saying why, and the command to run them.

   Nothing of the runtime loads with the page: on the first Run a module Web
   Worker (try-it-worker.mjs) loads it from this site (assets/pyodide/,
   copied there by `make pyodide`), once per page; later runs reuse it. Stop
   ends the worker, the one way to stop Python mid-run. Styles: extra.css. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  // From file:// (the offline copy) a page can neither fetch the list nor
  // start a module worker: no buttons there.
  if (!here || !window.fetch || !window.Worker || location.protocol === "file:") return;
  var base = new URL(".", here);
  var listURL = new URL("../runnable.json", base);
  var runtimeURL = new URL("../pyodide/", base);
  var list = null;
  var worker = null;
  var version = null;
  var nextId = 0;
  var runs = {}; // id -> the block's controller
  var NAME = /^snippets\/[\w-]+\/\w+\.py$/;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    if (text) node.textContent = text;
    return node;
  }

  function startWorker() {
    worker = new Worker(new URL("try-it-worker.mjs", base), { type: "module" });
    worker.onmessage = function (event) {
      var message = event.data;
      if (message.type === "ready") {
        version = message.version;
        for (var id in runs) runs[id].ready(message);
      } else if (message.type === "error") {
        failAll("Python could not start here: " + message.message + ". " + MISSING);
      } else if (runs[message.id]) {
        runs[message.id][message.type](message);
      }
    };
    worker.onerror = function (event) {
      event.preventDefault();
      failAll("Python could not start here. " + MISSING);
    };
    worker.postMessage({
      type: "boot",
      indexURL: runtimeURL.href,
      runnerURL: new URL("try_it_runner.py", base).href,
      clockURL: new URL("virtual_clock.py", runtimeURL).href,
      selectorURL: new URL("virtual_selector.py", runtimeURL).href,
    });
  }

  var MISSING =
    "If this is your own copy of the site, install the runtime with `make pyodide` and build again; " +
    "or run the example locally.";

  function failAll(text) {
    stopWorker();
    for (var id in runs) runs[id].fail(text);
    runs = {};
  }

  function stopWorker() {
    if (worker) worker.terminate();
    worker = null;
    version = null;
  }

  function label(v) {
    return "Python " + v + " in your browser";
  }

  function setUp(block, path) {
    var pre = block.querySelector("pre");
    if (!pre || block.nextElementSibling && block.nextElementSibling.classList.contains("try-it")) return;
    var original = pre.querySelector("code").textContent.replace(/\n$/, "") + "\n";
    var bar = element("div", { class: "try-it", role: "group", "aria-label": "Try " + path + " here" });
    var run = element("button", { type: "button", class: "try-it-run", title: "Run this example in your browser (Ctrl+Enter in the code)" }, "▶ Run");
    var edit = element("button", { type: "button", class: "try-it-edit" }, "Edit");
    var stop = element("button", { type: "button", class: "try-it-stop", disabled: "" }, "Stop");
    var reset = element("button", { type: "button", class: "try-it-reset", disabled: "" }, "Reset");
    var status = element("span", { class: "try-it-status", role: "status" });
    bar.append(run, edit, stop, reset, status);
    block.after(bar);
    var editor = null;
    var output = null;
    var current = null; // id of this block's run in progress
    var clicked = 0;

    function source() {
      return editor ? editor.value : original;
    }

    function showEditor() {
      if (editor) return editor.focus();
      editor = element("textarea", {
        class: "try-it-code",
        spellcheck: "false",
        autocapitalize: "off",
        autocomplete: "off",
        "aria-label": "Code of " + path + " (editable)",
        rows: String(Math.min(original.split("\n").length, 30)),
      });
      editor.value = original;
      editor.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          start();
        }
      });
      block.hidden = true;
      block.after(editor);
      edit.disabled = true;
      reset.disabled = false;
      editor.focus();
    }

    function ensureOutput() {
      if (output) return output;
      output = element("div", { class: "try-it-output" });
      output.labelNode = element("p", { class: "try-it-label" });
      output.pre = element("pre", { tabindex: "0", "aria-live": "polite" });
      output.code = element("code");
      output.pre.append(output.code);
      output.append(output.labelNode, output.pre);
      bar.after(output);
      return output;
    }

    function busy(on) {
      run.disabled = on;
      stop.disabled = !on;
    }

    function start() {
      if (current !== null) return;
      clicked = performance.now();
      ensureOutput();
      output.code.textContent = "";
      output.labelNode.textContent = version ? label(version) : "Python in your browser";
      busy(true);
      current = "r" + nextId++;
      runs[current] = controller;
      if (!worker) startWorker();
      status.textContent = version ? "Running…" : "Loading Python (about 6 MB, once per visit)…";
      worker.postMessage({ type: "run", id: current, path: path, source: source() });
    }

    function finish(text) {
      delete runs[current];
      current = null;
      busy(false);
      status.textContent = text;
    }

    var controller = {
      ready: function (message) {
        output.labelNode.textContent = label(message.version);
        status.textContent = "Running…";
      },
      out: function (message) {
        output.code.textContent += message.text;
      },
      done: function (message) {
        var seconds = ((performance.now() - clicked) / 1000).toFixed(1);
        finish(message.status === 0 ? "Done in " + seconds + " s." : "Exited with status " + message.status + ".");
      },
      fail: function (text) {
        ensureOutput();
        output.labelNode.textContent = "Could not run";
        output.code.textContent = text;
        finish("");
      },
      stopped: function () {
        output.code.textContent += (output.code.textContent && !/\n$/.test(output.code.textContent) ? "\n" : "") + "[stopped]";
        finish("Stopped.");
      },
    };

    run.addEventListener("click", start);
    edit.addEventListener("click", showEditor);
    stop.addEventListener("click", function () {
      // The worker runs Python synchronously: ending it is the only way to
      // stop it. Any other block's run ends too; the next Run starts afresh.
      var stoppedRuns = runs;
      runs = {};
      stopWorker();
      for (var id in stoppedRuns) stoppedRuns[id].stopped();
      run.focus();
    });
    reset.addEventListener("click", function () {
      if (editor) {
        editor.remove();
        editor = null;
      }
      block.hidden = false;
      edit.disabled = false;
      reset.disabled = true;
      edit.focus();
    });
  }

  function note(block, path, reason) {
    if (block.nextElementSibling && block.nextElementSibling.classList.contains("try-it-note")) return;
    var p = element("p", { class: "try-it-note" });
    p.append("Not runnable in the browser: " + reason + ". Run it with ", element("code", {}, "python " + path), ".");
    block.after(p);
  }

  function decorate() {
    var names = document.querySelectorAll(".md-content .highlight > .filename");
    if (!names.length) return;
    if (!list) {
      list = fetch(listURL).then(function (response) {
        return response.ok ? response.json() : { examples: {} };
      });
    }
    list.then(function (data) {
      names.forEach(function (name) {
        var path = name.textContent.trim();
        var entry = data.examples[path];
        if (!NAME.test(path) || !entry || !name.isConnected) return;
        if (entry.runs) setUp(name.parentElement, path);
        else note(name.parentElement, path, entry.reason);
      });
    });
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(decorate);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", decorate);
  else decorate();
})();
