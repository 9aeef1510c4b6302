// "Try it here", loaded by try-it.js on the reader's first interaction with a
// page. To each example nearing the screen it adds, from the list
// docs/assets/runnable.json (written by `make update-browser` from real runs
// in Pyodide), Run and Edit buttons in its title row if the example printed
// exactly its stored Python 3.14 output there, else under it a one-line note
// saying why and how to run it. Run prints the output under the example,
// labelled with the Python that produced it, and draws its timeline; Edit
// makes the code editable, Reset puts the verified code back, Stop (in Run's
// place during a run) ends a run that does not finish.
//
// Examples run in a module Web Worker (try-it-worker.mjs), started on the
// first Run and reused by later runs on the page: Pyodide, CPython 3.14
// compiled to WebAssembly, loaded from this site (assets/pyodide/, copied
// there by `make pyodide`), on the project's virtual clock, each run from a
// fresh interpreter state (try_it_runner.py). Stop terminates the worker:
// Python runs synchronously in it, and ending it is the one way to stop it.
//
// Everything goes inside the example's .highlight block: bars inserted beside
// the blocks restyled the whole page (a browser test counts restyles).
const base = new URL(".", import.meta.url);
const runtimeURL = new URL("../pyodide/", base);
const MISSING =
  "If this is your own copy of the site, install the runtime with `make pyodide` and build again; " +
  "or run the example locally.";
const examples = new WeakMap(); // a .try-it bar -> its example's controller
let worker = null;
let version = null;
let nextId = 0;
let runs = new Map(); // run id -> the controller of the example running it

const EXAMPLE = /^snippets\/[\w-]+\/\w+\.py$/;
let list = null; // the fetched runnable.json
// The controls' styles (extra.css only keeps room for them in title rows).
const styles = new Promise((resolve) => {
  const link = element("link", { rel: "stylesheet", href: new URL("../../stylesheets/try-it.css", base).href });
  link.onload = link.onerror = resolve;
  document.head.append(link);
});

const near = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      near.unobserve(entry.target);
      list ??= fetch(new URL("../runnable.json", base))
        .then((response) => response.json())
        .catch(() => ({ examples: {} }));
      Promise.all([list, styles]).then(([data]) =>
        decorate(entry.target, data.examples[entry.target.textContent.trim()]),
      );
    }
  },
  { rootMargin: "50% 0px" },
);

function decorate(name, entry) {
  const block = name.parentElement;
  if (!entry || !name.isConnected || block.querySelector(".try-it, .try-it-note")) return;
  const path = name.textContent.trim();
  if (entry.runs) {
    // In the example's title row, at its right end (room kept free by
    // extra.css from the start): putting the buttons there moves nothing.
    const bar = element("span", { class: "try-it", role: "group", "aria-label": `Try ${path} here` });
    bar.dataset.path = path;
    bar.append(
      button("run", "▶ Run", "Run this example in your browser"),
      button("edit", "Edit", "Edit this example"),
    );
    name.append(bar);
    // The list says so when the picture drawn in the browser is not the page's.
    if (entry.timeline) block.append(element("p", { class: "try-it-note" }, `Its timeline here: ${entry.timeline}.`));
  } else {
    const note = element("p", { class: "try-it-note" });
    note.append(`Not runnable in the browser: ${entry.reason}. Run it with `, element("code", {}, `python ${path}`), ".");
    block.append(note);
  }
}

function observe() {
  for (const name of document.querySelectorAll(".md-content .highlight > .filename")) {
    if (EXAMPLE.test(name.textContent.trim())) near.observe(name);
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest?.(".try-it button");
  if (!button) return;
  const bar = button.closest(".try-it");
  if (!examples.has(bar)) examples.set(bar, controller(bar));
  const example = examples.get(bar);
  // By class: a focused button also has Material's "focus-visible".
  const action = ["run", "edit", "stop", "reset"].find((name) => button.classList.contains(`try-it-${name}`));
  if (action) example[action]();
});

// Material's instant navigation swaps pages in without loading scripts again:
// document$ emits each page (the current one first, when subscribed).
if (window.document$?.subscribe) window.document$.subscribe(observe);
else observe();

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

const label = (v) => `Python ${v} in your browser`;

function button(action, text, title) {
  const node = element("button", { type: "button", class: `try-it-button try-it-${action}`, title }, text);
  // "▶ Run" is read "Run".
  if (text.startsWith("▶ ")) node.replaceChildren(element("span", { "aria-hidden": "true" }, "▶ "), text.slice(2));
  return node;
}

function startWorker() {
  worker = new Worker(new URL("try-it-worker.mjs", base), { type: "module" });
  worker.onmessage = ({ data: message }) => {
    if (message.type === "ready") {
      version = message.version;
      for (const run of runs.values()) run.ready(message);
    } else if (message.type === "error") {
      failAll(`Python could not start here: ${message.message}. ${MISSING}`);
    } else if (runs.has(message.id)) {
      runs.get(message.id)[message.type](message);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(`Python could not start here. ${MISSING}`);
  };
  worker.postMessage({ type: "boot", indexURL: runtimeURL.href });
}

function stopWorker() {
  if (worker) worker.terminate();
  worker = null;
  version = null;
}

function failAll(text) {
  const failed = runs;
  runs = new Map();
  stopWorker();
  for (const run of failed.values()) run.fail(text);
}

function controller(bar) {
  const block = bar.closest(".highlight"); // the example's
  const path = bar.dataset.path;
  const pre = block.querySelector("pre");
  const original = pre.querySelector("code").textContent.replace(/\n$/, "") + "\n";
  const runButton = bar.querySelector(".try-it-run");
  const editButton = bar.querySelector(".try-it-edit");
  const stopButton = button("stop", "Stop", "Stop this run");
  const resetButton = button("reset", "Reset", "Put the verified code back");
  stopButton.hidden = resetButton.hidden = true;
  runButton.after(stopButton);
  editButton.after(resetButton);
  runButton.title = "Run this example in your browser (Ctrl+Enter in the code)";
  let editor = null;
  let output = null;
  let current = null; // this example's run in progress
  let clicked = 0;

  // Under the code (or the editor): "Python 3.14.2 in your browser", the
  // run's status, its output and its timeline. It appears on a click, so
  // nothing moves under a reader who has not asked for it.
  function showOutput() {
    if (!output) {
      output = element("div", { class: "try-it-output" });
      const label = element("p", { class: "try-it-label" });
      output.version = element("span", { class: "try-it-version" });
      output.status = element("span", { class: "try-it-status", role: "status" });
      label.append(output.version, " ", output.status);
      output.pre = element("pre", { class: "try-it-out", tabindex: "0", "aria-label": `Output of ${path} in your browser` });
      output.code = element("code");
      output.pre.append(output.code);
      output.append(label, output.pre);
      block.append(output);
    }
    output.querySelector("figure")?.remove();
    return output;
  }

  function busy(on) {
    // Stop takes Run's place while a run lasts.
    const focused = document.activeElement === (on ? runButton : stopButton);
    runButton.hidden = on;
    stopButton.hidden = !on;
    if (focused) (on ? stopButton : runButton).focus();
  }

  function finish(text) {
    runs.delete(current);
    current = null;
    busy(false);
    output.status.textContent = text;
  }

  const self = {
    run() {
      if (current !== null) return;
      clicked = performance.now();
      showOutput();
      output.code.textContent = "";
      delete output.code.dataset.tlLines; // split into lines again once linked
      output.version.textContent = version ? label(version) : "Python in your browser";
      busy(true);
      current = `r${nextId++}`;
      runs.set(current, self);
      if (!worker) startWorker();
      output.status.textContent = version ? "Running…" : "Loading Python (6 to 13 MB, the first time)…";
      worker.postMessage({
        type: "run",
        id: current,
        path,
        source: editor ? editor.value : original,
        timelineId: `try-it-${current}`,
      });
    },
    edit() {
      if (!editor) {
        editor = element("textarea", {
          class: "try-it-code",
          spellcheck: "false",
          autocapitalize: "off",
          autocomplete: "off",
          "aria-label": `Code of ${path} (editable)`,
          rows: String(Math.min(original.split("\n").length, 30)),
        });
        editor.value = original;
        editor.addEventListener("keydown", (event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            self.run();
          }
        });
        pre.hidden = true;
        pre.after(editor);
        editButton.hidden = true;
        resetButton.hidden = false;
      }
      editor.focus();
    },
    reset() {
      editor?.remove();
      editor = null;
      pre.hidden = false;
      editButton.hidden = false;
      resetButton.hidden = true;
      editButton.focus();
    },
    stop() {
      // Python runs synchronously in the worker: ending it is the only way to
      // stop it. Any other example's run ends too; the next Run starts afresh.
      const stopped = runs;
      runs = new Map();
      stopWorker();
      for (const run of stopped.values()) run.stopped();
      runButton.focus();
    },
    // Messages from the worker about this example's run.
    ready(message) {
      output.version.textContent = label(message.version);
      output.status.textContent = "Running…";
    },
    out(message) {
      output.code.textContent += message.text;
    },
    done(message) {
      const seconds = ((performance.now() - clicked) / 1000).toFixed(1);
      if (message.timeline) {
        // The SVG the project's own drawer (verify/timeline.py) made in the
        // worker, from this run: every label in it is escaped there.
        const figure = element("figure", { class: "timeline try-it-figure" });
        figure.innerHTML = message.timeline;
        output.append(figure);
        // timeline-links.js links its moments with the output's lines.
        figure.dispatchEvent(new Event("timeline-drawn", { bubbles: true }));
      }
      finish(message.status === 0 ? `Done in ${seconds} s.` : `Exited with status ${message.status}.`);
    },
    fail(text) {
      showOutput();
      output.version.textContent = "Could not run";
      output.code.textContent = text;
      finish("");
    },
    stopped() {
      const text = output.code.textContent;
      output.code.textContent += (text && !text.endsWith("\n") ? "\n" : "") + "[stopped]";
      finish("Stopped.");
    },
  };
  return self;
}
