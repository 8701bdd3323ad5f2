import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { CheckProblem } from "../core/check-problem.ts";
import type { Plugin, StartLink } from "../engine/plugin.ts";
import type { PluginEffects } from "../engine/effect-context.ts";
import type { Store } from "../store/store.ts";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { LANGS } from "../core/lang.ts";
import { CACHE_DIR, codeVersion, DiskCache } from "../core/disk-cache.ts";
import type { Screener } from "./analyse.ts";
import { CATALOGUE_DATA, screenerFrom } from "./data.ts";
import { AgencyDirectory } from "./agencies.ts";
import { agencyLookupHandler } from "./agency-lookup.ts";
import { adInterceptor } from "./interceptor.ts";
import { screeningAdKind } from "./kinds/ad.ts";
import { screeningResultKind } from "./kinds/result.ts";
import { screeningAgencyKind } from "./kinds/agency.ts";

/** What the job-offer check needs from the app: its data files, and the store of the agency directory. */
export interface ScreeningDeps {
  flows: FlowSet;
  store: Store;
}

/**
 * The job-offer check: node kinds of the `job-check` flow (`screening-result`, `screening-ad`,
 * `screening-agency`), the pasted-ad interceptor, the agency lookup effect, and a check that
 * runs every analyser rule's own examples and finds missing indicator texts.
 *
 * The catalogue and rules come from the flows folder's data files (`screening-*.yaml`); if they
 * do not load, the plugin adds no kinds and `jol flows check` reports why.
 */
export function createScreeningPlugin(deps: ScreeningDeps): Plugin & PluginEffects {
  let screener: Screener;
  try {
    screener = screenerFrom(deps.flows.data);
  } catch (error) {
    const message = (error as Error).message;
    return {
      name: "screening",
      check: () => [{ file: `flows/${CATALOGUE_DATA}.yaml`, message, fix: "see docs/screening.md for the format of the screening data files" }],
    };
  }
  const directory = new AgencyDirectory(deps.store);
  return {
    name: "screening",
    kinds: [screeningResultKind(screener.catalogue), screeningAdKind(screener), screeningAgencyKind],
    interceptors: [adInterceptor(screener)],
    startLinks: [jobCheckStartLink],
    effects: { "x-agency-lookup": agencyLookupHandler(directory) },
    check: (flows, i18n) => checkScreening(screener, flows, i18n),
  };
}

/** `/start job-check` (the portal's red-flags page): the job-offer check's first menu; "Back" leads to the main menu. */
export const jobCheckStartLink: StartLink = {
  prefix: "job-check",
  source: "portal",
  open: (rest) => (rest === "" ? { to: "call", flow: "job-check" } : null),
};

const selfTests = new DiskCache(CACHE_DIR, "screening-selftest-", codeVersion([import.meta.url, sibling("../core/words")]));

/** A module beside this one, with this module's extension (`.ts` in a checkout, `.js` in `dist/`). */
function sibling(path: string): string {
  return new URL(path + extname(fileURLToPath(import.meta.url)), import.meta.url).href;
}

/**
 * The rules' own examples that fail: running them all is a tenth of a start, so the result is kept
 * on disk, keyed by the screening data and the code of this folder (and core/), like the index.
 */
function selfTestFailures(screener: Screener, flows: FlowSet): ReturnType<Screener["selfTest"]> {
  const inputs = [...flows.data].filter(([name]) => name.startsWith("screening-")).map(([name, entry]) => [name, entry.value]);
  const key = selfTests.key(inputs);
  const saved = selfTests.read(key) as ReturnType<Screener["selfTest"]> | undefined;
  if (saved) return saved;
  const failures = screener.selfTest();
  selfTests.write(key, failures);
  return failures;
}

/** Rule examples that fail, and catalogue texts missing in a language. */
export function checkScreening(screener: Screener, flows: FlowSet, i18n: Localizer): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const f of selfTestFailures(screener, flows)) {
    problems.push({
      file: f.where.split(" ")[0] ?? "flows",
      message: `${f.where}: the example ${JSON.stringify(f.text)} should ${f.expected === "flag" ? "raise" : "not raise"} "${f.flag}"`,
      fix: f.expected === "flag" ? "widen a match pattern (or fix the example)" : "add an unless pattern, a negation word, or narrow the match",
    });
  }
  const c = screener.catalogue;
  const ids = [
    ...c.dimensions.map((d) => `scr-dim-${d}`),
    ...c.indicators.flatMap((i) => [`scr-ind-${i.id}`, `scr-ind-${i.id}-explain`, `scr-ind-${i.id}-advice`]),
    ...c.flags.map((f) => `scr-flag-${f.id}`),
    ...["low", "medium", "high"].flatMap((r) => [`scr-result-${r}`, `scr-advice-${r}`, `scr-ad-risk-${r}`]),
  ];
  const file = flows.data.get(CATALOGUE_DATA)?.file ?? `flows/${CATALOGUE_DATA}.yaml`;
  for (const lang of LANGS) {
    const missing = ids.filter((id) => !i18n.has(lang, id));
    if (missing.length) {
      problems.push({ file, message: `${lang}: texts missing for the screening catalogue: ${missing.join(", ")}`, fix: `add them to locales/${lang}/screening.ftl` });
    }
  }
  return problems;
}
