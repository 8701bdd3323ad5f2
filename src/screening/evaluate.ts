import { z } from "zod";
import type { Screener, Analysis } from "./analyse.ts";

/**
 * Scoring the analyser on a labelled set of ads (`npm run eval:screen`, and the test that holds
 * the goals). A risky ad counts as found when the analyser says medium or high; a safe ad is a
 * false positive unless it says low.
 */

export const EvalItems = z.array(
  z.object({
    lang: z.enum(["ru", "kk", "uz", "ky", "tg", "en"]),
    label: z.enum(["risky", "safe"]),
    text: z.string().min(1),
  }),
);
export type EvalItem = z.infer<typeof EvalItems>[number];

export interface EvalReport {
  risky: number;
  safe: number;
  found: number;
  falsePositives: number;
  recall: number;
  falsePositiveRate: number;
  misses: Array<{ index: number; item: EvalItem; analysis: Analysis }>;
  meetsGoals: boolean;
}

/** The goals of the screening issues (recall raised to 97 % and false positives cut to 5 % by issue 11). */
export const GOALS = { recall: 0.97, falsePositiveRate: 0.05 };

export function evaluate(screener: Screener, items: EvalItem[]): EvalReport {
  let risky = 0;
  let safe = 0;
  let found = 0;
  let falsePositives = 0;
  const misses: EvalReport["misses"] = [];
  items.forEach((item, index) => {
    const analysis = screener.analyse(item.text);
    if (item.label === "risky") {
      risky++;
      if (analysis.risk !== "low") found++;
      else misses.push({ index, item, analysis });
    } else {
      safe++;
      if (analysis.risk !== "low") {
        falsePositives++;
        misses.push({ index, item, analysis });
      }
    }
  });
  const recall = risky ? found / risky : 1;
  const falsePositiveRate = safe ? falsePositives / safe : 0;
  return {
    risky,
    safe,
    found,
    falsePositives,
    recall,
    falsePositiveRate,
    misses,
    meetsGoals: recall >= GOALS.recall && falsePositiveRate <= GOALS.falsePositiveRate,
  };
}

/** The report as lines for a terminal. */
export function formatReport(r: EvalReport): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `recall on risky:        ${pct(r.recall)} (${r.found}/${r.risky}; goal >= ${pct(GOALS.recall)})`,
    `false positives (safe): ${pct(r.falsePositiveRate)} (${r.falsePositives}/${r.safe}; goal <= ${pct(GOALS.falsePositiveRate)})`,
  ];
  if (r.misses.length) lines.push("", "misses:");
  for (const m of r.misses) {
    const flags = m.analysis.flags.map((f) => `${f.id}(${f.strength}): «${f.evidence}»`).join("; ") || "no flags";
    lines.push(`  #${m.index} [${m.item.lang}] ${m.item.label} → ${m.analysis.risk} (score ${m.analysis.score})`, `     ${m.item.text}`, `     ${flags}`);
  }
  lines.push("", r.meetsGoals ? "goals met" : "goals NOT met");
  return lines.join("\n");
}
