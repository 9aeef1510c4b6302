// Run a batch of Lighthouse audits in one Chromium; called by lighthouse.py.
//
//   LIGHTHOUSE_DIR=.cache/lighthouse CHROME_PATH=/usr/bin/chromium CHROME_FLAGS='[...]' \
//     node tools/lighthouse_runner.mjs < jobs.json
//
// jobs.json is a list of {key, url, preset: "mobile"|"desktop", categories}.
// Prints one JSON line per job: the category scores, the timing audits, the
// audits that lost points, and when the search index was requested.
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve(process.env.LIGHTHOUSE_DIR || ".cache/lighthouse");
const load = (rel) => import(pathToFileURL(path.join(dir, "node_modules", rel)).href);
const { default: lighthouse } = await load("lighthouse/core/index.js");
const { default: desktopConfig } = await load("lighthouse/core/config/desktop-config.js");
const chromeLauncher = await load("chrome-launcher/dist/index.js");

// Read stdin as a stream: readFileSync(0) fails with EAGAIN when the pipe
// is not written yet.
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const jobs = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  // Flags come from lighthouse.py (verify/site/browser.py CHROMIUM_ARGS), one list for all.
  chromeFlags: [...new Set(JSON.parse(process.env.CHROME_FLAGS || '["--headless=new"]'))],
});

const TIMINGS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "speed-index",
  "total-blocking-time",
  "cumulative-layout-shift",
  "total-byte-weight",
  "mainthread-work-breakdown", // numericValue: all main-thread work, ms
  "interactive", // TTI: TBT counts only the part of each long task between FCP and TTI
];

// In the load Lighthouse recorded (unthrottled, before it simulates a phone),
// did the first paint come before the parser task that ran Material's bundle?
// Then the simulated FCP does not wait for the bundle, and TBT counts both of
// its long tasks (tools/README.md; the investigation is in docs/contributing.md's git history).
// null when the trace has no bundle or no paint.
function paintBeforeBundle(trace) {
  const events = trace?.traceEvents || [];
  const bundle = events.find(
    (e) => e.name === "EvaluateScript" && /\/bundle\.[^/]*\.js$/.test(e.args?.data?.url || ""),
  );
  if (!bundle) return null;
  const paints = events
    .filter((e) => e.name === "firstContentfulPaint" && e.pid === bundle.pid)
    .map((e) => e.ts);
  if (!paints.length) return null;
  const parse = events.find(
    (e) => e.name === "ParseHTML" && e.pid === bundle.pid && e.ts <= bundle.ts && bundle.ts <= e.ts + (e.dur || 0),
  );
  return Math.min(...paints) < (parse ? parse.ts : bundle.ts);
}

try {
  for (const job of jobs) {
    const flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: job.categories,
      disableFullPageScreenshot: true,
    };
    const config = job.preset === "desktop" ? desktopConfig : undefined;
    const started = Date.now();
    const { lhr, artifacts } = await lighthouse(job.url, flags, config);
    const categories = {};
    const lost = [];
    for (const [id, category] of Object.entries(lhr.categories)) {
      categories[id] = category.score === null ? null : Math.round(category.score * 100);
      if (id === "performance") continue;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          lost.push(`${id}: ${ref.id} (${audit.title})`);
        }
      }
    }
    const timings = {};
    for (const id of TIMINGS) {
      if (lhr.audits[id]) timings[id] = lhr.audits[id].numericValue;
    }
    const requests = lhr.audits["network-requests"]?.details?.items || [];
    const index = requests.find((r) => r.url.includes("search_index.json"));
    process.stdout.write(
      JSON.stringify({
        key: job.key,
        url: job.url,
        preset: job.preset,
        categories,
        timings,
        lost,
        runtimeError: lhr.runtimeError?.message || null,
        searchIndexRequestedMs: index ? index.networkRequestTime : null,
        searchIndexBytes: index ? index.resourceSize : null,
        paintBeforeBundle: job.categories.includes("performance")
          ? paintBeforeBundle(artifacts?.Trace)
          : null,
        seconds: (Date.now() - started) / 1000,
      }) + "\n",
    );
  }
} finally {
  await chrome.kill();
}
