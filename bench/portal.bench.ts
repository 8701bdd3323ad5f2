/**
 * `npm run bench:portal` — the information portal's budget, Lighthouse-style but without a
 * browser: bytes per page (gzip, as transferred, and plain), requests per page on a first visit,
 * and the time to build every page. Not a test: nothing here runs in `npm test`.
 *
 *   npm run bench:portal                 # 5 builds
 *   npm run bench:portal -- --runs 20
 *
 * Requests per page are counted from the HTML: the page, its stylesheet and scripts, the search
 * index a search page fetches, and the service worker a first visit registers. No page loads
 * images, fonts or third-party files. The budget (issue 15): an article page ≤ 30 KB gzip.
 */
import { parseArgs } from "node:util";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { positive } from "./args.ts";
import { loadConfig } from "../src/config/load.ts";
import { checkContent } from "../src/app/check-content.ts";
import { buildPortal, type BuildReport, type BuiltFile } from "../src/portal/build.ts";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "5" }, help: { type: "boolean", short: "h", default: false } } });
if (args.help) {
  console.log("Usage: npm run bench:portal -- [--runs N]\n  --runs  builds to time (default 5); the first is reported separately as the cold one");
  process.exit(0);
}
const runs = positive("runs", args.runs);

const config = loadConfig({ TELEGRAM_BOT_USERNAME: "jol_bench_bot", WHATSAPP_NUMBER: "77000000000" });
const loadStarted = performance.now();
const content = checkContent(config);
const loadMs = performance.now() - loadStarted;
const root = mkdtempSync(join(tmpdir(), "jol-portal-bench-"));
const times: number[] = [];
let report: BuildReport | undefined;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  report = buildPortal({ flows: content.flows, i18n: content.i18n, config, out: join(root, "site"), baseUrl: "https://jol.example.org/" });
  times.push(performance.now() - started);
}
const out = join(root, "site");
const files = new Map(report!.files.map((f) => [f.path, f]));

/** The files a first visit of a page fetches: the page, its CSS and scripts, the search index, the service worker. */
function requests(page: BuiltFile): BuiltFile[] {
  const html = readFileSync(join(out, page.path), "utf8");
  const dir = page.path.includes("/") ? `${page.path.split("/")[0]}/` : "";
  const refs = [...html.matchAll(/<(?:link rel="stylesheet"|script[^>]*) (?:href|src)="([^"]+)"/g)].map((m) => m[1]!.replace(/^\.\.\//, ""));
  const extra = page.path.endsWith("search.html") ? [`${dir}search.json`] : page.path.endsWith("job-check.html") ? ["screening.json"] : [];
  return [page, ...[...refs, ...extra, "sw.js"].map((p) => files.get(p)).filter((f): f is BuiltFile => f !== undefined)];
}

const kindOf = (path: string) => (path === "index.html" ? "root" : /\/index\.html$/.test(path) ? "home" : /\/search\.html$/.test(path) ? "search" : /\/red-flags\.html$/.test(path) ? "red flags" : /\/job-check\.html$/.test(path) ? "job-ad checker" : "article");
const rows = new Map<string, { n: number; gzip: number[]; bytes: number[]; req: number; transfer: number[] }>();
for (const page of report!.files.filter((f) => f.kind === "page")) {
  const kind = kindOf(page.path);
  const row = rows.get(kind) ?? { n: 0, gzip: [], bytes: [], req: 0, transfer: [] };
  const fetched = requests(page);
  row.n++;
  row.gzip.push(page.gzip);
  row.bytes.push(page.bytes);
  row.req = Math.max(row.req, fetched.length);
  row.transfer.push(fetched.reduce((n, f) => n + f.gzip, 0));
  rows.set(kind, row);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`portal benchmark: ${report!.files.filter((f) => f.kind === "page").length} pages, ${runs} build(s)\n`);
console.log("| page kind | pages | HTML gzip avg / max | HTML plain max | requests (first visit) | transferred, first visit, max |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const [kind, r] of rows) {
  console.log(`| ${kind} | ${r.n} | ${kb(avg(r.gzip))} / ${kb(Math.max(...r.gzip))} | ${kb(Math.max(...r.bytes))} | ${r.req} | ${kb(Math.max(...r.transfer))} |`);
}
const article = rows.get("article")!;
console.log(`\narticle pages within 30 KB gzip: ${article.gzip.filter((g) => g <= 30 * 1024).length} of ${article.n}`);
console.log(`loading flows and texts (once): ${Math.round(loadMs)} ms`);
console.log(`building every page: first ${Math.round(times[0]!)} ms${runs > 1 ? `, median of the rest ${Math.round(median(times.slice(1)))} ms` : ""}`);
