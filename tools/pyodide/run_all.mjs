#!/usr/bin/env node
// Run every example in Pyodide (CPython compiled to WebAssembly, the runtime
// the site's Run buttons use) and compare each output with the stored
// Python 3.14 output, by the harness's rule: the newest <name>.py3XX.out with
// XX <= 14, else <name>.out; examples whose first line is
// `# Requires Python 3.15+` are skipped.
//
//   node tools/pyodide/run_all.mjs            report; exit 1 if the list is stale
//   node tools/pyodide/run_all.mjs --write    rewrite docs/assets/runnable.json
//   node tools/pyodide/run_all.mjs snippets/model/x.py ...   only these (report)
//
// `make update-browser` is the --write run; tests/test_browser_run.py the check.
// The runtime is the pinned npm package in node_modules/pyodide (`npm ci`),
// run by the site's own worker (docs/assets/javascripts/try-it-worker.mjs)
// in a worker thread: one Pyodide for all runs, each run from a fresh state
// (docs/assets/javascripts/try_it_runner.py). A run that takes longer than
// TIMEOUT_S is stopped by ending the thread, as the page's Stop button does.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYODIDE = join(ROOT, "node_modules", "pyodide");
const WORKER = join(ROOT, "docs", "assets", "javascripts", "try-it-worker.mjs");
const RUNNER = join(ROOT, "docs", "assets", "javascripts", "try_it_runner.py");
// The project's virtual clock, loaded unchanged (the one place naming it here).
const CLOCK = join(ROOT, "verify", "child", "sitecustomize.py");
const SELECTOR = join(ROOT, "verify", "child", "virtual_selector.py");
export const LIST = join(ROOT, "docs", "assets", "runnable.json");
const TIMEOUT_S = 20;
const FIX = "make update-browser  (or: node tools/pyodide/run_all.mjs --write)";
const BROWSER_MINOR = 14; // Pyodide 314.x is CPython 3.14

function snippetFiles() {
  const base = join(ROOT, "snippets");
  const files = [];
  for (const page of readdirSync(base, { withFileTypes: true })) {
    if (!page.isDirectory()) continue;
    for (const name of readdirSync(join(base, page.name))) {
      if (name.endsWith(".py")) files.push(`snippets/${page.name}/${name}`);
    }
  }
  return files.sort();
}

function requiredMinor(source) {
  const match = /^#\s*Requires Python 3\.(\d+)\+/.exec(source.split("\n", 1)[0]);
  return match ? Number(match[1]) : 9;
}

function expectedFile(rel) {
  const stem = rel.slice(0, -3);
  const dir = join(ROOT, dirname(rel));
  const base = stem.split("/").pop();
  let best = null;
  for (const name of readdirSync(dir)) {
    const match = /^(.*)\.py3(\d+)\.out$/.exec(name);
    if (match && match[1] === base) {
      const minor = Number(match[2]);
      if (minor <= BROWSER_MINOR && (best === null || minor > best)) best = minor;
    }
  }
  return best === null ? `${stem}.out` : `${stem}.py3${best}.out`;
}

// The harness's normalise(): memory addresses differ from run to run.
const normalise = (text) => text.replace(/\b0x[0-9a-fA-F]{4,}\b/g, "0x...");

function reasonFor(source, output, timedOut) {
  if (timedOut) return `does not finish in the browser within ${TIMEOUT_S} s`;
  if (/support processes|multiprocessing|subprocess|ProcessPool/.test(output + source))
    return "starts a process, and a page's Python cannot";
  if (/can't start new thread/.test(output) || /\bthreading\b|to_thread|run_in_executor|Executor\b/.test(source))
    return "starts a thread, and a page's Python cannot";
  if (/\bsignal\b/.test(source)) return "uses signals, which a page's Python does not have";
  return "prints something else in the browser's Python (3.14.2 on WebAssembly)";
}

class Runner {
  constructor() {
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
    this.worker.postMessage({
      type: "boot",
      indexURL: pathToFileURL(PYODIDE).href + "/",
      runnerURL: pathToFileURL(RUNNER).href,
      clockURL: pathToFileURL(CLOCK).href,
      selectorURL: pathToFileURL(SELECTOR).href,
    });
  }

  async run(path, source) {
    await this.ready;
    const id = Math.random().toString(36).slice(2);
    const chunks = [];
    return new Promise((resolve) => {
      const timer = setTimeout(async () => {
        this.listeners.delete(listener);
        await this.worker.terminate();
        this.start(); // a fresh runtime for the next example
        resolve({ output: chunks.join(""), status: null, seconds: TIMEOUT_S });
      }, TIMEOUT_S * 1000);
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
          });
        }
      };
      this.listeners.add(listener);
      this.worker.postMessage({ type: "run", id, path, source });
    });
  }

  stop() {
    return this.worker.terminate();
  }
}

function firstDifference(expected, actual) {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}: expected ${JSON.stringify(a[i] ?? "<end>")}, got ${JSON.stringify(b[i] ?? "<end>")}`;
  }
  return "";
}

export async function runAll(only = []) {
  const started = performance.now();
  if (!existsSync(join(PYODIDE, "pyodide.mjs")))
    throw new Error("node_modules/pyodide is missing: run `make pyodide` (or `npm ci`)");
  const jobs = Math.max(1, Number(process.env.JOBS) || Math.min(2, availableParallelism()));
  const runners = Array.from({ length: jobs }, () => new Runner());
  const ready = await runners[0].ready;
  const examples = {};
  const details = {};
  const times = [];
  const todo = [];
  for (const rel of only.length ? only : snippetFiles()) {
    const source = readFileSync(join(ROOT, rel), "utf8");
    if (requiredMinor(source) > BROWSER_MINOR) {
      examples[rel] = { runs: false, reason: `needs Python 3.${requiredMinor(source)}+; the browser has ${ready.version}` };
    } else todo.push([rel, source]);
  }
  const work = async (runner) => {
    while (todo.length) {
      const [rel, source] = todo.shift();
      const expectedPath = expectedFile(rel);
      const expected = readFileSync(join(ROOT, expectedPath), "utf8");
      const result = await runner.run(rel, source);
      times.push(result.seconds);
      if (process.env.VERBOSE) console.error(`${result.seconds.toFixed(2)} s  ${rel}`);
      const output = normalise(result.output);
      if (result.status === 0 && output === expected) {
        examples[rel] = { runs: true };
      } else {
        examples[rel] = { runs: false, reason: reasonFor(source, output, result.status === null) };
        details[rel] =
          result.status === 0
            ? `differs from ${expectedPath}: ${firstDifference(expected, output)}`
            : `exit status ${result.status}: ${output.trim().split("\n").slice(-1)[0]}`;
      }
    }
  };
  await Promise.all(runners.map(work));
  await Promise.all(runners.map((runner) => runner.stop()));
  times.sort((x, y) => x - y);
  return {
    list: { runtime: ready.version, examples },
    details: Object.fromEntries(Object.keys(details).sort().map((k) => [k, details[k]])),
    stats: {
      bootSeconds: ready.seconds,
      totalSeconds: (performance.now() - started) / 1000,
      medianRunSeconds: times.length ? times[Math.floor(times.length / 2)] : 0,
      maxRunSeconds: times.length ? times[times.length - 1] : 0,
    },
  };
}

export function serialise(list) {
  // One line per example: a refresh's diff names exactly the examples that changed.
  const lines = Object.keys(list.examples)
    .sort()
    .map((rel) => `  ${JSON.stringify(rel)}: ${JSON.stringify(list.examples[rel])}`);
  return `{\n "runtime": ${JSON.stringify(list.runtime)},\n "examples": {\n${lines.join(",\n")}\n }\n}\n`;
}

async function main(argv) {
  const write = argv.includes("--write");
  const only = argv.filter((arg) => !arg.startsWith("--")).map((arg) => relative(ROOT, join(process.cwd(), arg)));
  const { list, details, stats } = await runAll(only);
  const runs = Object.values(list.examples).filter((e) => e.runs).length;
  for (const [rel, detail] of Object.entries(details)) console.log(`not run: ${rel}: ${list.examples[rel].reason} (${detail})`);
  console.log(
    `Python ${list.runtime} in Pyodide: ${runs} of ${Object.keys(list.examples).length} examples print their stored 3.14 output; ` +
      `runtime loaded in ${stats.bootSeconds.toFixed(1)} s, all runs in ${stats.totalSeconds.toFixed(1)} s, ` +
      `median run ${stats.medianRunSeconds.toFixed(2)} s, slowest ${stats.maxRunSeconds.toFixed(2)} s`,
  );
  if (only.length) return 0;
  const text = serialise(list);
  if (write) {
    writeFileSync(LIST, text);
    console.log(`wrote ${relative(ROOT, LIST)}`);
    return 0;
  }
  const stored = existsSync(LIST) ? JSON.parse(readFileSync(LIST, "utf8")) : { examples: {} };
  const stale = [];
  const all = new Set([...Object.keys(stored.examples), ...Object.keys(list.examples)]);
  for (const rel of [...all].sort()) {
    const was = stored.examples[rel];
    const now = list.examples[rel];
    if (JSON.stringify(was) !== JSON.stringify(now))
      stale.push(
        `${rel}: the list says ${was ? (was.runs ? "it runs" : `not run (${was.reason})`) : "nothing"}, ` +
          `a run now says ${now ? (now.runs ? "it runs" : `not run (${now.reason})`) : "no such example"}` +
          (details[rel] ? ` [${details[rel]}]` : ""),
      );
  }
  if (stored.runtime !== list.runtime) stale.push(`runtime: the list says ${stored.runtime}, the runtime is ${list.runtime}`);
  if (stale.length) {
    console.log(`${relative(ROOT, LIST)} is stale:\n  ${stale.join("\n  ")}\nFix: ${FIX}, then review git diff`);
    return 1;
  }
  console.log(`${relative(ROOT, LIST)} is up to date`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(String(error.stack || error));
      process.exit(2);
    },
  );
}
