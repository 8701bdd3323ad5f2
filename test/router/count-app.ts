/**
 * A tiny app for router tests (and their child processes, so no vitest import here): one node
 * that counts the user's messages — each adds 1 to `n` and says the new value.
 */
import { z } from "zod";
import { DefaultRouter, sessionKey } from "../../src/router/default-router.ts";
import { Engine } from "../../src/engine/engine.ts";
import { KindRegistry, coreKinds } from "../../src/engine/kinds.ts";
import { loadFile } from "../../src/engine/load-flows.ts";
import { defineKind, type NodeKind } from "../../src/engine/node-kind.ts";
import { newSession, writeSession } from "../../src/engine/session.ts";
import type { FlowSet } from "../../src/engine/flow.ts";
import type { CheckProblem } from "../../src/core/check-problem.ts";
import type { HostPlugin } from "../../src/app/host-plugin.ts";
import { systemClock } from "../../src/core/clock.ts";
import { userKey, type Address } from "../../src/core/address.ts";
import { silentLogger, type Logger } from "../../src/core/log.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import type { Outbox } from "../../src/outbox/outbox.ts";
import type { Store } from "../../src/store/store.ts";
import { FIXTURE_LOCALES } from "../support/engine.ts";

const kind = defineKind({
  type: "count",
  schema: z.object({ id: z.string(), type: z.literal("count") }),
  waits: true,
  enter: () => ({ to: "wait" }),
  receive(_node, ctx, input) {
    if (input.kind === "text" && input.text === "boom") {
      ctx.emit({ type: "x-boom" });
      return { to: "wait" };
    }
    const n = Number(ctx.get("n") ?? 0) + 1;
    ctx.set("n", n);
    ctx.sayText(String(n));
    return { to: "wait" };
  },
  refs: () => ({}),
});
// A kind with its own node schema, in a list of kinds of any schema.
export const countKind = kind as unknown as NodeKind;

function flows(): FlowSet {
  const set: FlowSet = { flows: new Map(), data: new Map() };
  const problems: CheckProblem[] = [];
  const kinds = new KindRegistry([...coreKinds, countKind]);
  loadFile("main.yaml", "spec: 1\nflow: main\nstart: c\nnodes:\n  - { id: c, type: count }\n", kinds, set, problems);
  loadFile("language.yaml", "spec: 1\nflow: language\nstart: l\nnodes:\n  - { id: l, type: language, text: language-choose }\n", kinds, set, problems);
  if (problems.length > 0) throw new Error(`fixture flows: ${JSON.stringify(problems)}`);
  return set;
}

const { i18n } = loadLocales(FIXTURE_LOCALES);

export interface CountRouterOptions {
  plugins?: HostPlugin[];
  sessionTtlMs?: number;
  log?: Logger;
  lockTtlMs?: number;
  outbox?: Outbox;
}

/** A real router over the counting flow. */
export function countRouter(store: Store, options: CountRouterOptions = {}): DefaultRouter {
  const kinds = new KindRegistry([...coreKinds, countKind]);
  const engine = new Engine({ flows: flows(), i18n, kinds, defaultLang: "en" });
  return new DefaultRouter({
    engine,
    store,
    plugins: options.plugins ?? [{ name: "count", kinds: [countKind] }],
    i18n,
    log: options.log ?? silentLogger,
    clock: systemClock,
    defaultLang: "en",
    sessionTtlMs: options.sessionTtlMs ?? 60_000,
    ...(options.lockTtlMs ? { lockTtlMs: options.lockTtlMs } : {}),
    ...(options.outbox ? { outbox: options.outbox } : {}),
  });
}

export const addr = (id: string): Address => ({ channel: "telegram", id });
export const text = (address: Address, messageId: string, t: string) => ({ address, messageId, input: { kind: "text" as const, text: t } });

/** A user who chose English and waits at the counter. */
export async function seed(store: Store, address: Address, ttlMs = 60_000): Promise<void> {
  const s = { ...newSession(Date.now()), lang: "en" as const, stack: [{ f: "main", n: "c" }], wait: true };
  await store.set(sessionKey(userKey(address)), writeSession(s), ttlMs);
}
