/**
 * `npm run eval:screen [-- path]` — how well the job-offer analyser separates risky ads from safe
 * ones on a labelled YAML list of `{lang, label: risky|safe, text}` (default: the project's own
 * set, test/screening/job-ads.yaml). Risky must come out medium or high, safe must come out low.
 * Prints recall on risky ads, the false-positive rate on safe ads, and every miss with its flags.
 * Exit code 1 when the goals (recall >= 97%, false positives <= 5%) are not met.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { loadScreener } from "../src/screening/data.ts";
import { evaluate, formatReport, EvalItems } from "../src/screening/evaluate.ts";

const path = process.argv[2] ?? "test/screening/job-ads.yaml";
const items = EvalItems.parse(parse(readFileSync(path, "utf8")));
const report = evaluate(loadScreener(process.env.FLOWS_DIR ?? "flows"), items);
process.stdout.write(`${path}\n${formatReport(report)}\n`);
process.exitCode = report.meetsGoals ? 0 : 1;
