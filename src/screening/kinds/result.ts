import { z } from "zod";
import { defineKind, type ChoiceSpec, type NodeContext, type NodeKind, type NodeResult } from "../../engine/node-kind.ts";
import { Id } from "../../engine/schema-parts.ts";
import { flagDef, riskOf, scoreOf, type Catalogue, type FoundFlag, type RiskLevel } from "../catalogue.ts";
import { renderCheckResult, renderDetails } from "../render.ts";
import { VarName } from "./pasted.ts";

/**
 * The end of the guided check: turns the yes / no / not sure answers into flags, scores them
 * with the catalogue's weights, says the level, one line per flag and what to do, and offers a
 * consultant (first, and urgent, when the level is high), the indicators explained, a new check
 * or the main menu.
 *
 * Each question names its var, the catalogue flag it raises and the answer that raises it
 * (`when`); "unsure" raises the flag at the weak weight. The answers are kept as one short line
 * in `scr_result` (for the consultant's case card, with `scr_risk` and `scr_flags`); the
 * question vars themselves are cleared.
 *
 * ```yaml
 * - id: result
 *   type: screening-result
 *   questions:
 *     - { var: q_fee, flag: fee, when: yes }
 *     - { var: q_contract, flag: no-contract, when: no }
 *   again: menu
 * ```
 */
export function screeningResultKind(catalogue: Catalogue): NodeKind {
  const Schema = z.strictObject({
    id: Id,
    type: z.literal("screening-result"),
    questions: z.array(z.strictObject({ var: VarName, flag: z.string(), when: z.enum(["yes", "no"]) })).min(1),
    /** The node a new check starts at. */
    again: Id,
  });
  type Node = z.infer<typeof Schema>;

  const choicesFor = (risk: RiskLevel, hasFlags: boolean): ChoiceSpec[] => [
    ...(risk !== "low" ? [{ id: "consultant", label: risk === "high" ? "scr-choice-consultant-now" : "scr-choice-consultant" }] : []),
    ...(hasFlags ? [{ id: "details", label: "scr-choice-details" }] : []),
    { id: "again", label: "scr-choice-again" },
    { id: "menu", label: "choice-main-menu" },
    ...(risk === "low" ? [{ id: "consultant", label: "scr-choice-consultant" }] : []),
  ];

  const current = (ctx: NodeContext): { risk: RiskLevel; flags: string[] } => {
    const risk = ctx.get("scr_risk");
    const flags = ctx.get("scr_flags");
    return {
      risk: risk === "high" || risk === "medium" ? risk : "low",
      flags: typeof flags === "string" && flags ? flags.split(",") : [],
    };
  };

  return defineKind<Node>({
    type: "screening-result",
    schema: Schema,
    waits: true,
    enter(node, ctx) {
      const flags: FoundFlag[] = [];
      const answers: string[] = [];
      for (const q of node.questions) {
        const answer = ctx.get(q.var);
        if (typeof answer === "string") answers.push(`${q.var}=${answer}`);
        const def = flagDef(catalogue, q.flag);
        if (answer === q.when) flags.push({ id: def.id, indicator: def.indicator, strength: def.strength, evidence: q.var });
        else if (answer === "unsure") flags.push({ id: def.id, indicator: def.indicator, strength: def.strength, evidence: q.var, unsure: true });
        ctx.set(q.var, null);
      }
      const weight = (f: FoundFlag): number => (f.unsure ? catalogue.weights.weak : catalogue.weights[f.strength]);
      flags.sort((a, b) => weight(b) - weight(a));
      const risk = riskOf(catalogue, scoreOf(catalogue, flags));
      ctx.set("scr_risk", risk);
      ctx.set("scr_flags", [...new Set(flags.map((f) => f.id))].join(",") || null);
      ctx.set("scr_result", answers.join(", ") || null);
      const { text, keys } = renderCheckResult(ctx, risk, flags);
      ctx.sayText(text, choicesFor(risk, flags.length > 0), keys);
      return { to: "wait" };
    },
    receive(node, ctx, input): NodeResult {
      const { risk, flags } = current(ctx);
      const choices = choicesFor(risk, flags.length > 0);
      const picked = ctx.matchChoice(input, choices);
      switch (picked) {
        case "consultant":
          ctx.set("handoff_reason", "job-check");
          ctx.set("handoff_urgent", risk === "high");
          return { to: "goto", flow: "consultant" };
        case "details": {
          const { text, keys } = renderDetails(ctx, catalogue, flags);
          ctx.sayText(text, choices.filter((c) => c.id !== "details"), keys);
          return { to: "wait" };
        }
        case "again":
          return { to: "node", node: node.again };
        case "menu":
          return { to: "end" };
        default:
          return input.kind === "choice" ? { to: "miss" } : { to: "pass" };
      }
    },
    refs: (node) => ({
      nodes: [node.again],
      flows: ["consultant"],
      messages: [
        "scr-choice-consultant",
        "scr-choice-consultant-now",
        "scr-choice-details",
        "scr-choice-again",
        "choice-main-menu",
        "scr-result-flag-line",
        "scr-result-unsure-line",
        ...node.questions.map((q) => `scr-flag-${q.flag}`),
      ],
    }),
  }) as unknown as NodeKind;
}
