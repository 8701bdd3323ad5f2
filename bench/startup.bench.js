#!/usr/bin/env node
// `npm run bench:startup` — how long `jol` takes to start: `jol --help`, `jol ask <question>` and
// the first reply of `jol chat`, each the median of 5 runs, before (the TypeScript sources through
// tsx, JOL_DEV=1 — or another checkout's bin/jol.js with --before DIR) and after (the compiled
// dist/). Not a test: figures depend on the machine and its load, printed with them.
//
//   npm run bench:startup
//   npm run bench:startup -- --before /path/to/older/checkout --runs 9
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: { before: { type: "string" }, runs: { type: "string", default: "5" }, help: { type: "boolean" } },
});
if (args.help) {
  process.stdout.write("npm run bench:startup [-- --before DIR] [--runs N]\n");
  process.exit(0);
}
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`--runs must be a whole number >= 1, got ${JSON.stringify(args.runs)}`);
  process.exit(2);
}
if (!existsSync("dist/cli/main.js")) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(2);
}
const QUESTION = ["работодатель", "не", "платит", "зарплату"];
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LANG: "C.UTF-8" };
const variants = [
  args.before
    ? { name: `before (${args.before})`, bin: `${args.before}/bin/jol.js`, env: {} }
    : { name: "before (tsx, JOL_DEV=1)", bin: "bin/jol.js", env: { JOL_DEV: "1" } },
  { name: "after (compiled dist/)", bin: "bin/jol.js", env: {} },
];

/** Seconds one command takes to exit. */
function timed(bin, extra, argv) {
  const begun = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...argv], { env: { ...env, ...extra }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${argv.join(" ")} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - begun) / 1e9;
}

/** Seconds from starting `jol chat` to its first reply on stdout (the process is then stopped). */
function firstReply(bin, extra) {
  return new Promise((resolve, reject) => {
    const begun = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, "chat", "--lang", "ru"], { env: { ...env, ...extra }, stdio: ["pipe", "pipe", "ignore"] });
    child.stdout.on("data", (chunk) => {
      if (!String(chunk).includes("1.")) return;
      resolve(Number(process.hrtime.bigint() - begun) / 1e9);
      child.kill();
    });
    child.once("exit", (code) => code !== null && code !== 0 && reject(new Error(`jol chat exited with ${code}`)));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const v of variants) {
  const help = [];
  const ask = [];
  const chat = [];
  for (let i = 0; i < RUNS; i++) {
    help.push(timed(v.bin, v.env, ["--help"]));
    ask.push(timed(v.bin, v.env, ["ask", ...QUESTION]));
    chat.push(await firstReply(v.bin, v.env));
  }
  rows.push([v.name, median(help), median(ask), median(chat)]);
}

const f = (s) => `${s.toFixed(2)} s`;
process.stdout.write(`Start-up, median of ${RUNS} (Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")})\n\n`);
process.stdout.write("| | `jol --help` | `jol ask …` | first `jol chat` reply |\n| --- | --- | --- | --- |\n");
for (const [name, help, ask, chat] of rows) process.stdout.write(`| ${name} | ${f(help)} | ${f(ask)} | ${f(chat)} |\n`);
