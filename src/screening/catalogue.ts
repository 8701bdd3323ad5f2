import { z } from "zod";

/**
 * The indicator catalogue (`flows/screening-catalogue.yaml`): the ILO's 11 forced-labour
 * indicators, each mapped to the ILO–EC trafficking dimensions, and the red flags the analyser
 * and the guided check raise, each pointing at one indicator with its own strength.
 *
 * Texts live in `locales/<lang>/screening.ftl`: `scr-ind-<id>` (name), `scr-ind-<id>-explain`,
 * `scr-ind-<id>-advice`, `scr-dim-<id>`, and one line per flag `scr-flag-<id>`.
 */

export const Strength = z.enum(["strong", "medium", "weak"]);
export type Strength = z.infer<typeof Strength>;

export const RiskLevel = z.enum(["low", "medium", "high"]);
export type RiskLevel = z.infer<typeof RiskLevel>;

const Id = z.string().regex(/^[a-z][a-z0-9-]*$/, "lower-case letters, digits and '-'");

export const CatalogueSchema = z
  .object({
    /** Points a flag of each strength adds to the score. */
    weights: z.object({ strong: z.number().positive(), medium: z.number().positive(), weak: z.number().positive() }),
    /** Lowest score for each level above low. */
    levels: z.object({ medium: z.number().positive(), high: z.number().positive() }),
    dimensions: z.array(Id).min(1),
    indicators: z
      .array(z.object({ id: Id, strength: Strength, dimensions: z.array(Id).min(1) }).strict())
      .min(1),
    flags: z.array(z.object({ id: Id, indicator: Id, strength: Strength }).strict()).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const dims = new Set(c.dimensions);
    const inds = new Set(c.indicators.map((i) => i.id));
    c.indicators.forEach((ind, i) =>
      ind.dimensions.forEach((d, j) => {
        if (!dims.has(d)) ctx.addIssue({ code: "custom", path: ["indicators", i, "dimensions", j], message: `unknown dimension "${d}"; add it under dimensions or fix the spelling` });
      }),
    );
    const seen = new Set<string>();
    c.flags.forEach((flag, i) => {
      if (!inds.has(flag.indicator)) ctx.addIssue({ code: "custom", path: ["flags", i, "indicator"], message: `unknown indicator "${flag.indicator}"; use one of ${[...inds].join(", ")}` });
      if (seen.has(flag.id)) ctx.addIssue({ code: "custom", path: ["flags", i, "id"], message: `flag "${flag.id}" is defined twice; remove one` });
      seen.add(flag.id);
    });
    if (c.levels.high <= c.levels.medium) ctx.addIssue({ code: "custom", path: ["levels", "high"], message: "levels.high must be above levels.medium" });
    if (c.weights.weak >= c.levels.medium) ctx.addIssue({ code: "custom", path: ["weights", "weak"], message: "one weak flag alone must stay low: weights.weak must be below levels.medium" });
  });

export type Catalogue = z.infer<typeof CatalogueSchema>;
export type FlagDef = Catalogue["flags"][number];
export type IndicatorDef = Catalogue["indicators"][number];

/** A flag found in an ad or an answer, with why. */
export interface FoundFlag {
  id: string;
  indicator: string;
  strength: Strength;
  /** The words that raised it (analyser), or the question id (guided check). */
  evidence: string;
  /** Counted at the weak weight because the person was not sure (guided check only). */
  unsure?: boolean;
}

/** The sum of the flags' weights; a flag counted twice counts once. Unsure answers count as weak. */
export function scoreOf(catalogue: Catalogue, flags: readonly FoundFlag[]): number {
  const seen = new Set<string>();
  let score = 0;
  for (const flag of flags) {
    if (seen.has(flag.id)) continue;
    seen.add(flag.id);
    score += flag.unsure ? catalogue.weights.weak : catalogue.weights[flag.strength];
  }
  return score;
}

/** The level of a score. */
export function riskOf(catalogue: Catalogue, score: number): RiskLevel {
  if (score >= catalogue.levels.high) return "high";
  if (score >= catalogue.levels.medium) return "medium";
  return "low";
}

/** A flag's definition, or an error naming the catalogue file to fix. */
export function flagDef(catalogue: Catalogue, id: string): FlagDef {
  const def = catalogue.flags.find((f) => f.id === id);
  if (!def) throw new Error(`Unknown screening flag "${id}": add it to flows/screening-catalogue.yaml under flags`);
  return def;
}
