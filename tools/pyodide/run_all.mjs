#!/usr/bin/env node
// Run examples in Pyodide (CPython compiled to WebAssembly, the runtime the
// site's Run buttons use) and print what each printed: a plain runner, which
// decides nothing. verify/pyodide_runs.py runs it, compares each result with
// the stored 3.14 output and timeline, and checks or writes
// docs/assets/runnable.json (`make update-browser`, tests/test_browser_run.py).
//
//   node tools/pyodide/run_all.mjs [--no-record] [--timeout S] snippets/<page>/<name>.py ...
//
// Prints JSON, one object a line: first {"type": "ready", version, seconds},
// then per example, in the order given, {"type": "result", path, status,
// output, seconds, timeline} (status null: stopped after S seconds, default
// 20; timeline: the SVG or null). --no-record runs without the timeline
// recorder, to measure what it costs.
//
// The runtime is the one `make pyodide` copies into docs/assets/pyodide/, run
// by the site's own worker (docs/assets/javascripts/try-it-worker.mjs) in
// worker threads (JOBS, default 2): one Pyodide for many runs, each from a
// fresh state (try_it_runner.py). A run that takes too long is stopped by
// ending its thread, as the page's Stop button does, and a fresh worker
// takes the next one.
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const RUNTIME = join(ROOT, "docs", "assets", "pyodide");
const WORKER = join(ROOT, "docs", "assets", "javascripts", "try-it-worker.mjs");

class Runner {
  constructor(timeout) {
    this.timeout = timeout;
    this.start();
  }

  start() {
    const worker = (this.worker = new Worker(WORKER));
    const listeners = (this.listeners = new Set());
    const tell = (message) => {
      for (const listener of listeners) listener(message);
    };
    worker.on("message", tell);
    worker.on("error", (error) => tell({ type: "error", message: String(error) }));
    worker.on("exit", (code) => tell({ type: "error", message: `the worker ended (${code})` }));
    this.ready = new Promise((resolve, reject) => {
      const listener = (message) => {
        if (message.type === "ready") resolve(message);
        else if (message.type === "error") reject(new Error(message.message));
        else return;
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
    // Exactly what the page sends: the runtime's folder, nothing else.
    this.worker.postMessage({ type: "boot", indexURL: pathToFileURL(RUNTIME).href + "/" });
  }

  async run(path, source, record) {
    await this.ready;
    const id = Math.random().toString(36).slice(2);
    const chunks = [];
    return new Promise((resolve) => {
      const timer = setTimeout(async () => {
        this.listeners.delete(listener);
        await this.worker.terminate();
        this.start(); // a fresh runtime for the next example
        resolve({ output: chunks.join(""), status: null, seconds: this.timeout, timeline: null });
      }, this.timeout * 1000);
      const listener = (message) => {
        if (message.id !== id && message.type !== "error") return;
        if (message.type === "out") chunks.push(message.text);
        else if (message.type === "done" || message.type === "error") {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolve({
            output: chunks.join("") + (message.type === "error" ? message.message : ""),
            status: message.type === "done" ? message.status : -1,
            seconds: message.seconds || 0,
            timeline: message.timeline ?? null,
          });
        }
      };
      this.listeners.add(listener);
      this.worker.postMessage({ type: "run", id, path, source, record });
    });
  }

  stop() {
    return this.worker.terminate();
  }
}

async function main(argv) {
  const record = !argv.includes("--no-record");
  const at = argv.indexOf("--timeout");
  const timeout = at >= 0 ? Number(argv[at + 1]) : 20;
  const paths = argv.filter((arg, i) => !arg.startsWith("--") && argv[i - 1] !== "--timeout");
  if (!existsSync(join(RUNTIME, "pyodide.mjs")) || !existsSync(join(RUNTIME, "try_it_modules.zip")))
    throw new Error("docs/assets/pyodide/ is missing or incomplete: run `make pyodide`");
  const jobs = Math.max(1, Number(process.env.JOBS) || Math.min(2, availableParallelism()));
  const runners = Array.from({ length: Math.min(jobs, Math.max(1, paths.length)) }, () => new Runner(timeout));
  const ready = await runners[0].ready;
  console.log(JSON.stringify({ type: "ready", version: ready.version, seconds: ready.seconds }));
  const results = new Array(paths.length);
  let next = 0;
  let printed = 0;
  const work = async (runner) => {
    while (next < paths.length) {
      const i = next++;
      const source = readFileSync(join(ROOT, paths[i]), "utf8");
      results[i] = { type: "result", path: paths[i], ...(await runner.run(paths[i], source, record)) };
      // In the order given, each as soon as those before it are done.
      while (printed < paths.length && results[printed]) console.log(JSON.stringify(results[printed++]));
    }
  };
  await Promise.all(runners.map(work));
  await Promise.all(runners.map((runner) => runner.stop()));
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    console.error(String(error.stack || error));
    process.exit(2);
  },
);
