import type { NodeContext } from "../engine/node-kind.ts";
import type { Analysis } from "./analyse.ts";
import type { Catalogue, FoundFlag, RiskLevel } from "./catalogue.ts";

/**
 * The screening's replies, built from Fluent messages (`locales/<lang>/screening.ftl`). The code
 * only joins them; every sentence is in the texts.
 */

/** One message answering a pasted ad: the level, each flag with the words that raised it, an invitation to the guided check. */
export function renderAdAnalysis(ctx: Pick<NodeContext, "t">, analysis: Analysis): { text: string; keys: string[] } {
  if (analysis.flags.length === 0) {
    return { text: ctx.t("scr-ad-none"), keys: ["scr-ad-none"] };
  }
  const keys = [`scr-ad-risk-${analysis.risk}`];
  const lines = [ctx.t(`scr-ad-risk-${analysis.risk}`, { count: analysis.flags.length })];
  for (const flag of analysis.flags) {
    keys.push(`scr-flag-${flag.id}`);
    lines.push(ctx.t("scr-ad-flag-line", { quote: flag.evidence, explain: ctx.t(`scr-flag-${flag.id}`) }));
  }
  keys.push("scr-ad-invite");
  lines.push("", ctx.t("scr-ad-invite"));
  return { text: lines.join("\n"), keys };
}

/** The guided check's result: the level, one line per flag (marked when the answer was "not sure"), what to do. */
export function renderCheckResult(ctx: NodeContext, risk: RiskLevel, flags: FoundFlag[]): { text: string; keys: string[] } {
  const keys = [`scr-result-${risk}`];
  const lines = [ctx.t(`scr-result-${risk}`)];
  for (const flag of flags) {
    keys.push(`scr-flag-${flag.id}`);
    const explain = ctx.t(`scr-flag-${flag.id}`);
    lines.push(flag.unsure ? ctx.t("scr-result-unsure-line", { explain }) : ctx.t("scr-result-flag-line", { explain }));
  }
  keys.push(`scr-advice-${risk}`);
  lines.push("", ctx.t(`scr-advice-${risk}`));
  return { text: lines.join("\n"), keys };
}

/** What each indicator behind the flags means and what to do, with its ILO–EC dimensions. */
export function renderDetails(ctx: NodeContext, catalogue: Catalogue, flagIds: string[]): { text: string; keys: string[] } {
  const indicators = [...new Set(flagIds.map((id) => catalogue.flags.find((f) => f.id === id)?.indicator).filter((x): x is string => !!x))];
  const keys = ["scr-details-title"];
  const parts = [ctx.t("scr-details-title")];
  for (const id of indicators) {
    const def = catalogue.indicators.find((i) => i.id === id);
    const dims = (def?.dimensions ?? []).map((d) => ctx.t(`scr-dim-${d}`)).join(", ");
    keys.push(`scr-ind-${id}`);
    parts.push(
      ctx.t("scr-details-item", {
        name: ctx.t(`scr-ind-${id}`),
        explain: ctx.t(`scr-ind-${id}-explain`),
        advice: ctx.t(`scr-ind-${id}-advice`),
        dims,
      }),
    );
  }
  return { text: parts.join("\n\n"), keys };
}
