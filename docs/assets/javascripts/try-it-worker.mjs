// The worker that runs examples in Pyodide: a module Web Worker started by
// try-it.js on the first Run, or a worker_threads Worker started by
// tools/pyodide/run_all.mjs (`make update-browser`, tests/test_browser_run.py).
// Same code, same Python (try_it_runner.py), so what the list says runs is
// what the page runs.
//
// Messages in:  {type: "boot", indexURL, runnerURL, clockURL, selectorURL}
//               {type: "run", id, path, source}
// Messages out: {type: "ready", version, seconds} | {type: "error", message}
//               {type: "out", id, text} (as the example writes)
//               {type: "done", id, status, seconds}
const isNode = typeof process !== "undefined" && !!(process.versions && process.versions.node);
let post;
let runner = null;
let booting = null;
const queue = [];

async function readText(url) {
  if (isNode && url.startsWith("file:")) {
    const fs = await import("node:fs/promises");
    return fs.readFile(new URL(url), "utf8");
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function boot({ indexURL, runnerURL, clockURL, selectorURL }) {
  const started = performance.now();
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  let index = indexURL;
  if (isNode && index.startsWith("file:")) {
    const { fileURLToPath } = await import("node:url");
    index = fileURLToPath(index) + "/";
  }
  const [pyodide, runnerSource, clockSource, selectorSource] = await Promise.all([
    loadPyodide({ indexURL: index, stdout: () => {}, stderr: () => {} }),
    readText(runnerURL),
    readText(clockURL),
    readText(selectorURL),
  ]);
  pyodide.FS.mkdirTree("/home/pyodide");
  pyodide.FS.writeFile("/home/pyodide/virtual_clock.py", clockSource);
  // The clock imports its loop side by name: virtual_selector.
  pyodide.FS.writeFile("/home/pyodide/virtual_selector.py", selectorSource);
  pyodide.FS.writeFile("/home/pyodide/try_it_runner.py", runnerSource);
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide')");
  runner = pyodide.pyimport("try_it_runner");
  post({
    type: "ready",
    version: runner.version(),
    seconds: (performance.now() - started) / 1000,
  });
}

function run({ id, path, source }) {
  const started = performance.now();
  let status;
  try {
    status = runner.run(path, source, (text) => post({ type: "out", id, text }));
  } catch (error) {
    post({ type: "out", id, text: `\n${error}\n` });
    status = -1;
  }
  post({ type: "done", id, status, seconds: (performance.now() - started) / 1000 });
}

async function handle(message) {
  if (message.type === "boot") {
    booting = boot(message).catch((error) => {
      post({ type: "error", message: String(error && error.message ? error.message : error) });
      throw error;
    });
    try {
      await booting;
    } catch {
      return;
    }
    for (const waiting of queue.splice(0)) run(waiting);
  } else if (message.type === "run") {
    if (runner) run(message);
    else queue.push(message);
  }
}

if (isNode) {
  import("node:worker_threads").then(({ parentPort }) => {
    post = (message) => parentPort.postMessage(message);
    parentPort.on("message", handle);
  });
} else {
  post = (message) => self.postMessage(message);
  self.onmessage = (event) => handle(event.data);
}
