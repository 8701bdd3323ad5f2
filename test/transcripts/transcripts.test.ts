/**
 * Transcript tests: conversations written as YAML in this folder, run through the real app
 * (every flow, text and plugin; the router on real Redis), once per language listed.
 *
 * ```yaml
 * name: first contact
 * langs: [ru, kk, uz, ky, tg, en]     # run once per language (default: [ru])
 * hint: de                            # optional platform language hint
 * steps:
 *   - say: hello                      # the user types text
 *   - say: { ru: привет, uz: salom }  # ... in the run's language (one entry per language run)
 *     bot:                            # what the bot answers, message by message, in order
 *       - key: language-choose        # a Fluent id the message was built from
 *         choices: 6                  # how many choices it offers
 *   - choose_language: $lang          # press the language button ($lang: the run's language)
 *   - press: main-alerts              # press the choice labelled with this Fluent message
 *   - press: 2                        # or the second choice of the last message with choices
 *   - command: forget                 # /forget
 *   - media: voice                    # a voice note (sticker, photo, location, ...)
 *   - edited: "2"                     # an edited message
 *   - button: "main/gone/x"           # raw button data (stale or forged)
 *   - idle: 31d                       # the user goes quiet: checks the session's expiry
 *     session: gone                   # ... and that it is gone (or `kept`)
 * ```
 * A bot line may also say `text: fragment` (contains, after rendering), `lang: $lang` (the
 * message is its key rendered in that language: the answer came in the right one) or
 * `no_reply: true`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { createApp } from "../../src/app/create.ts";
import { loadConfig } from "../../src/config/load.ts";
import { silentLogger } from "../../src/core/log.ts";
import { LANGS, type Lang } from "../../src/core/lang.ts";
import { userKey } from "../../src/core/address.ts";
import { type Inbound, type Input, type Outbound } from "../../src/core/messages.ts";
import { sessionKey } from "../../src/router/default-router.ts";
import type { App } from "../../src/app/app.ts";
import { testStore } from "../support/redis.ts";

const BotLine = z.strictObject({
  key: z.string().optional(),
  text: z.string().optional(),
  choices: z.number().int().optional(),
  lang: z.string().optional(),
});
const Step = z
  .strictObject({
    say: z.union([z.string(), z.partialRecord(z.enum(LANGS), z.string())]).optional(),
    press: z.union([z.string(), z.number().int()]).optional(),
    choose_language: z.string().optional(),
    command: z.string().optional(),
    arg: z.string().optional(),
    media: z.enum(["sticker", "voice", "audio", "photo", "video", "document", "location", "contact"]).optional(),
    edited: z.string().optional(),
    button: z.string().optional(),
    idle: z.string().regex(/^\d+d$/).optional(),
    session: z.enum(["gone", "kept"]).optional(),
    bot: z.array(BotLine).optional(),
    no_reply: z.boolean().optional(),
  })
  .refine((s) => [s.say, s.press, s.choose_language, s.command, s.media, s.edited, s.button, s.idle].filter((x) => x !== undefined).length === 1, {
    message: "each step does exactly one thing: say, press, choose_language, command, media, edited, button or idle",
  });
const Transcript = z.strictObject({
  name: z.string(),
  langs: z.array(z.enum(LANGS)).default(["ru"]),
  hint: z.string().optional(),
  steps: z.array(Step).min(1),
});
type Transcript = z.infer<typeof Transcript>;

const DIR = "test/transcripts";
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();

let app: App;
beforeAll(async () => {
  const store = await testStore("transcripts");
  // The hotline is staffed in these conversations whatever the hour of the run: the clock starts
  // on a Wednesday at 11:00 in Almaty (the default HOTLINE_HOURS 09:00-18:00, Monday to Friday)
  // and then runs with real time.
  const started = Date.now();
  const clock = { now: () => Date.parse("2026-12-02T06:00:00Z") + (Date.now() - started) };
  app = await createApp({ config: loadConfig({}), store, log: silentLogger, clock });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

let userCounter = 0;

for (const file of files) {
  const transcript = Transcript.parse(parse(readFileSync(join(DIR, file), "utf8")));
  describe(`${file}: ${transcript.name}`, () => {
    for (const lang of transcript.langs) it(lang, () => run(transcript, lang));
  });
}

async function run(transcript: Transcript, lang: Lang): Promise<void> {
  const address = { channel: "console" as const, id: `t${++userCounter}-${lang}` };
  let last: Outbound[] = [];
  let n = 0;
  /** The language the user has chosen so far: labels to press are rendered in it. */
  let current: Lang = lang;
  for (const [i, step] of transcript.steps.entries()) {
    const where = `step ${i + 1} (${JSON.stringify(step).slice(0, 80)})`;
    if (step.idle) {
      const days = Number(step.idle.slice(0, -1));
      const ttl = await app.store.ttl(sessionKey(userKey(address)));
      const expires = ttl > 0 && ttl <= days * 86_400_000;
      expect(expires ? "gone" : "kept", `${where}: session TTL ${ttl} ms`).toBe(step.session ?? "gone");
      if (expires) await app.store.delete(sessionKey(userKey(address)));
      continue;
    }
    const input = toInput(step, current, last, where, lang);
    if (step.choose_language) current = (step.choose_language === "$lang" ? lang : step.choose_language) as Lang;
    const inbound: Inbound = { address, messageId: String(++n), input, ...(transcript.hint ? { langHint: transcript.hint } : { langHint: lang }) };
    const result = await app.router.handle(inbound, async () => undefined);
    const out = result.replies;
    if (out.some((m) => m.choices?.length)) last = out;
    if (step.no_reply) expect(out, where).toEqual([]);
    if (step.bot) {
      const shown = out.map((m) => `${(m.keys ?? []).join("+")}: ${m.text.slice(0, 60)}`).join("\n  ");
      expect(out.length, `${where}: got\n  ${shown}`).toBe(step.bot.length);
      step.bot.forEach((line, j) => {
        const message = out[j]!;
        if (line.key) expect(message.keys ?? [], `${where}, message ${j + 1}:\n  ${shown}`).toContain(line.key);
        if (line.text) expect(message.text, `${where}, message ${j + 1}`).toContain(line.text);
        if (line.choices !== undefined) expect(message.choices?.length ?? 0, `${where}, message ${j + 1} choices`).toBe(line.choices);
        if (line.lang && line.key) {
          const inLang = (line.lang === "$lang" ? lang : line.lang) as Lang;
          expect(message.text, `${where}, message ${j + 1} in ${inLang}`).toContain(app.i18n.t(inLang, line.key));
        }
        expect(message.text, `${where}: unrendered Fluent placeholder`).not.toMatch(/\{\s*\$|\{\?\?\?\}/);
      });
    }
  }
}

function toInput(step: z.infer<typeof Step>, lang: Lang, last: Outbound[], where: string, runLang: Lang = lang): Input {
  if (step.say !== undefined) {
    const text = typeof step.say === "string" ? step.say : step.say[runLang];
    if (text === undefined) throw new Error(`${where}: no text to say in ${runLang}`);
    return { kind: "text", text };
  }
  if (step.command !== undefined) return { kind: "command", name: step.command, ...(step.arg ? { arg: step.arg } : {}) };
  if (step.media !== undefined) return { kind: "media", media: step.media };
  if (step.edited !== undefined) return { kind: "edited", text: step.edited };
  if (step.button !== undefined) return { kind: "choice", data: step.button };
  const choices = [...last].reverse().find((m) => m.choices?.length)?.choices ?? [];
  let label: string;
  if (step.choose_language !== undefined) {
    const target = (step.choose_language === "$lang" ? runLang : step.choose_language) as Lang;
    label = app.i18n.t(target, "language-name");
  } else if (typeof step.press === "number") {
    const choice = choices[step.press - 1];
    if (!choice) throw new Error(`${where}: no choice ${step.press} among ${choices.length}`);
    return { kind: "choice", data: choice.id };
  } else {
    label = app.i18n.t(lang, step.press!);
  }
  const choice = choices.find((c) => c.label === label);
  if (!choice) throw new Error(`${where}: no choice "${label}" among: ${choices.map((c) => c.label).join(" | ")}`);
  return { kind: "choice", data: choice.id };
}
