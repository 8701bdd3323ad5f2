import { loadContent } from "../../src/app/load-content.ts";
import { Engine } from "../../src/engine/engine.ts";
import { newSession, type Session } from "../../src/engine/session.ts";
import type { Effect } from "../../src/engine/types.ts";
import type { Inbound, Input, Outbound } from "../../src/core/messages.ts";
import type { Plugin } from "../../src/engine/plugin.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";

export const FIXTURE_FLOWS = "test/fixtures/engine/flows";
export const FIXTURE_LOCALES = ["locales", "test/fixtures/engine/locales"];

/** An engine over the test fixture flows (every core kind) and the real core texts. */
export function fixtureEngine(plugins: Plugin[] = []) {
  const content = loadContent({ FLOWS_DIR: FIXTURE_FLOWS, LOCALES_DIR: "locales" }, () => plugins);
  // The fixture texts come on top of the real ones.
  const { i18n } = loadLocales(FIXTURE_LOCALES);
  const engine = new Engine({
    flows: content.flows,
    i18n,
    kinds: content.kinds,
    interceptors: plugins.flatMap((p) => p.interceptors ?? []),
    defaultLang: "ru",
    globals: { sessionDays: 30, retentionDays: 90, hotlinePhone: "+0", hotlineHours: "09:00-18:00", emergency: "112" },
  });
  return { engine, content, i18n };
}

/**
 * A conversation with the pure engine: each call is one user message; returns the bot's
 * messages. The session and the effects of the last step are kept for assertions.
 */
export class Talk {
  session: Session;
  effects: Effect[] = [];
  last: Outbound[] = [];
  private n = 0;
  now = 1_000;

  constructor(
    private readonly engine: Engine,
    private readonly langHint?: string,
  ) {
    this.session = newSession(this.now);
  }

  send(input: Input): Outbound[] {
    const inbound: Inbound = { address: { channel: "console", id: "t" }, messageId: String(++this.n), input, ...(this.langHint ? { langHint: this.langHint } : {}) };
    const result = this.engine.step(this.session, inbound, { now: () => this.now });
    this.session = result.session;
    this.effects = result.effects;
    const out = result.effects.flatMap((e) => (e.type === "send" ? [e.message] : []));
    if (out.length) this.last = out;
    return out;
  }

  text(text: string): Outbound[] {
    return this.send({ kind: "text", text });
  }

  command(name: string, arg?: string): Outbound[] {
    return this.send({ kind: "command", name, ...(arg ? { arg } : {}) });
  }

  /** Press the button whose label contains `label` (or the n-th, 1-based) of the last message with choices. */
  press(label: string | number): Outbound[] {
    const withChoices = [...this.last].reverse().find((m) => m.choices?.length);
    if (!withChoices?.choices) throw new Error("no choices to press");
    const choice = typeof label === "number" ? withChoices.choices[label - 1] : withChoices.choices.find((c) => c.label.includes(label));
    if (!choice) throw new Error(`no choice ${label} in ${withChoices.choices.map((c) => c.label).join(" | ")}`);
    return this.send({ kind: "choice", data: choice.id });
  }

  static keys(out: Outbound[]): string[] {
    return out.flatMap((m) => m.keys ?? []);
  }
}
