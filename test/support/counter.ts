import { z } from "zod";
import { Engine } from "../../src/engine/engine.ts";
import type { FlowSet } from "../../src/engine/flow.ts";
import { KindRegistry, coreKinds } from "../../src/engine/kinds.ts";
import { loadFile } from "../../src/engine/load-flows.ts";
import { defineKind, type BaseNode } from "../../src/engine/node-kind.ts";
import type { CheckProblem } from "../../src/core/check-problem.ts";
import { systemClock } from "../../src/core/clock.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { silentLogger } from "../../src/core/log.ts";
import { DefaultRouter } from "../../src/router/default-router.ts";
import type { Store } from "../../src/store/store.ts";
import { FIXTURE_LOCALES } from "./engine.ts";

/** Answers every message with how many messages of this user it has handled: "1", "2", ... */
const tally = defineKind<BaseNode>({
  type: "tally",
  schema: z.object({ id: z.string(), type: z.literal("tally") }),
  waits: true,
  enter: () => ({ to: "wait" }),
  receive(_node, ctx) {
    const seen = 1 + Number(ctx.get("seen") ?? 0);
    ctx.set("seen", seen);
    ctx.sayText(`${seen}`);
    return { to: "wait" };
  },
  refs: () => ({}),
});

/**
 * The real router over a one-node flow that counts each user's messages, so a reply says how
 * many steps of that user are stored: a reply that is not one more than the user's previous one
 * shows a lost (or doubled) step. For fault and failover tests.
 */
export function tallyRouter(store: Store): DefaultRouter {
  const kinds = new KindRegistry([...coreKinds, tally]);
  const flows: FlowSet = { flows: new Map(), data: new Map() };
  const problems: CheckProblem[] = [];
  loadFile("main.yaml", "spec: 1\nflow: main\nstart: t\nnodes:\n  - { id: t, type: tally }\n", kinds, flows, problems);
  loadFile("language.yaml", "spec: 1\nflow: language\nstart: l\nnodes:\n  - { id: l, type: language, text: language-choose }\n", kinds, flows, problems);
  if (problems.length) throw new Error(`tally flow: ${JSON.stringify(problems)}`);
  const { i18n } = loadLocales(FIXTURE_LOCALES);
  return new DefaultRouter({
    engine: new Engine({ flows, i18n, kinds, defaultLang: "en" }),
    store,
    plugins: [],
    i18n,
    log: silentLogger,
    clock: systemClock,
    defaultLang: "en",
    sessionTtlMs: 600_000,
  });
}
