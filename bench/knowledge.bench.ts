// Knowledge search benchmark: index build time and time per question (goal: < 5 ms per answer).
// Run: npx tsx bench/knowledge.bench.ts
import { loadKnowledgeBase } from "../src/knowledge/load.ts";
import { readQuestions } from "../src/knowledge/eval.ts";

const t0 = performance.now();
const kb = loadKnowledgeBase();
const t1 = performance.now();
const kb2 = loadKnowledgeBase();
const t2 = performance.now();
void kb2;
/** Question sets that exist here: the own set, the shared development set, any given on the command line. */
const optional = (path: string) => {
  try {
    return readQuestions(path);
  } catch {
    return [];
  }
};
const paths = ["test/knowledge/questions.yaml", "../shared/eval/questions.yaml", ...process.argv.slice(2)];
const questions = paths.flatMap(optional).map((q) => q.q);
if (questions.length === 0) throw new Error("no questions found: run from the repository root");
for (const q of questions) kb.search.answer(q); // warm up
const rounds = 20;
const times: number[] = [];
const cpu0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    const s = performance.now();
    kb.search.answer(q);
    times.push(performance.now() - s);
  }
}
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
console.log(`first build (cold, with loading texts): ${(t1 - t0).toFixed(0)} ms; second build: ${(t2 - t1).toFixed(0)} ms`);
console.log(`answer(): ${questions.length} questions x ${rounds}: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (wall clock)`);
console.log(`answer(): ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(3)} ms of CPU per question on average (goal: < 5 ms)`);
