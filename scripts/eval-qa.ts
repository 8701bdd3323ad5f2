// `npm run eval:qa [-- path ...]`: top-1 and top-3 accuracy of the knowledge search on question
// sets (YAML lists of {lang, q, expect}), with every miss. Default: test/knowledge/questions.yaml.
import { loadKnowledgeBase } from "../src/knowledge/load.ts";
import { evaluate, readQuestions } from "../src/knowledge/eval.ts";

const paths = process.argv.slice(2).filter((a) => a !== "--");
if (paths.length === 0) paths.push("test/knowledge/questions.yaml");

const started = performance.now();
const kb = loadKnowledgeBase();
const built = performance.now() - started;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

let failed = false;
for (const path of paths) {
  const questions = readQuestions(path);
  const report = evaluate(kb.search, questions);
  console.log(`\n${path}: ${report.total} questions`);
  console.log(`  top-1 ${pct(report.top1)}   top-3 ${pct(report.top3)}   (goal: top-1 >= 93%, top-3 >= 98%)`);
  for (const miss of report.misses) {
    const mark = miss.got.includes(miss.question.expect) ? "top3" : "MISS";
    console.log(`  ${mark} [${miss.question.lang}] ${miss.question.q}\n       expected ${miss.question.expect}, got ${miss.got.join(", ") || "(nothing)"}`);
  }
  if (report.top1 < 0.93 || report.top3 < 0.98) failed = true;
}
console.log(`\nindex built in ${built.toFixed(0)} ms (with loading the texts)`);
process.exitCode = failed ? 1 : 0;
