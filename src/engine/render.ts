import type { Lang } from "../core/lang.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { ChoiceSpec, MessageRef } from "./node-kind.ts";
import type { VarValue } from "./session.ts";

type Args = Record<string, string | number>;

/** Most rendered texts kept (texts with no per-user arguments). */
const MAX_CACHED = 20_000;

/**
 * Renders the engine's and the nodes' messages: Fluent with the settings' globals, `$channel`, and
 * arguments `$name` read from the session's vars. A message with no arguments of its own renders
 * the same for every user of a language and messenger, so it is rendered once (most texts are
 * like that); the cache lives as long as the engine.
 */
export class Renderer {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly i18n: Localizer,
    private readonly globals: Args | undefined,
  ) {}

  render(lang: Lang, ref: MessageRef, channel: string, vars: Record<string, VarValue>, extra?: Args): string {
    const id = typeof ref === "string" ? ref : ref.id;
    if (typeof ref === "string" && extra === undefined) {
      const key = `${lang}\u0000${channel}\u0000${id}`;
      let text = this.cache.get(key);
      if (text === undefined) {
        text = this.i18n.t(lang, id, this.args(ref, channel, vars));
        if (this.cache.size < MAX_CACHED) this.cache.set(key, text);
      }
      return text;
    }
    return this.i18n.t(lang, id, this.args(ref, channel, vars, extra));
  }

  /** A choice's label: its untranslated `{ text }`, or its message rendered. */
  label(lang: Lang, choice: ChoiceSpec, channel: string, vars: Record<string, VarValue>): string {
    const label = choice.label;
    return typeof label === "object" && "text" in label ? label.text : this.render(lang, label, channel, vars);
  }

  private args(ref: MessageRef, channel: string, vars: Record<string, VarValue>, extra?: Args): Args {
    // `$channel` lets a text pick its wording per messenger (WhatsApp has no buttons).
    const out: Args = { ...this.globals, channel };
    const given = typeof ref === "string" ? undefined : ref.args;
    for (const [k, v] of Object.entries({ ...given, ...extra })) {
      if (typeof v === "string" && v.startsWith("$")) {
        const value = vars[v.slice(1)];
        out[k] = typeof value === "number" || typeof value === "string" ? value : "";
      } else out[k] = v;
    }
    return out;
  }
}
