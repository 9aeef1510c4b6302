// The worker that runs examples in Pyodide: a module Web Worker started by
// try-it.mjs on the first Run, or a worker_threads Worker started by
// tools/pyodide/run_all.mjs (`make update-browser`, tests/test_browser_run.py).
// Same code, same Python (try_it_runner.py), so what the list says runs is
// what the page runs.
//
// Messages in:  {type: "boot", indexURL}  the runtime's folder (assets/pyodide/,
//                 or a file: URL in node); everything else is found from it
//                 (try_it_modules.zip, copied by tools/pyodide/install.sh) or
//                 from this file's URL (try_it_runner.py beside it)
//               {type: "run", id, path, source, timelineId, record}
//                 timelineId: the SVG's id (default: the harness's placeholder);
//                 record: false runs without the timeline recorder (to measure it)
// Messages out: {type: "ready", version, seconds} | {type: "error", message}
//               {type: "out", id, text} (as the example writes)
//               {type: "done", id, status, seconds, timeline}
//                 timeline: the SVG drawn from the run, or null where the
//                 harness draws none (no task ran, or a `# No timeline` /
//                 `# Real clock` example), or with record: false
const isNode = typeof process !== "undefined" && !!(process.versions && process.versions.node);
const HOME = "/home/pyodide";
let post;
let runner = null;
let booting = null;
const queue = [];

async function readBytes(url) {
  if (isNode && url.startsWith("file:")) {
    const fs = await import("node:fs/promises");
    return new Uint8Array(await fs.readFile(new URL(url))); // a Buffer is not a typed array Pyodide knows
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function boot({ indexURL }) {
  const started = performance.now();
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  let index = indexURL;
  if (isNode && index.startsWith("file:")) {
    const { fileURLToPath } = await import("node:url");
    index = fileURLToPath(index) + "/";
  }
  const [pyodide, runnerSource, modules] = await Promise.all([
    loadPyodide({ indexURL: index, stdout: () => {}, stderr: () => {} }),
    readBytes(new URL("try_it_runner.py", import.meta.url).href),
    readBytes(new URL("try_it_modules.zip", indexURL).href),
  ]);
  // verify/child/ (clock, recorder) and verify/timeline*.py, at their repository paths.
  pyodide.unpackArchive(modules, "zip", { extractDir: `${HOME}/lib` });
  pyodide.FS.writeFile(`${HOME}/try_it_runner.py`, runnerSource);
  pyodide.runPython(`import sys; sys.path.insert(0, '${HOME}')`);
  runner = pyodide.pyimport("try_it_runner");
  post({
    type: "ready",
    version: runner.version(),
    seconds: (performance.now() - started) / 1000,
  });
}

function run({ id, path, source, timelineId, record }) {
  const started = performance.now();
  let status;
  let timeline = null;
  try {
    const result = runner.run(path, source, (text) => post({ type: "out", id, text }), timelineId, record !== false);
    [status, timeline] = result.toJs();
    result.destroy();
  } catch (error) {
    post({ type: "out", id, text: `\n${error}\n` });
    status = -1;
  }
  post({ type: "done", id, status, seconds: (performance.now() - started) / 1000, timeline: timeline ?? null });
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
