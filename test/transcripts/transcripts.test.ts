/**
 * Golden transcripts: conversations scripted as YAML in this folder, run through the real app
 * (every flow, text and plugin; the router on real Redis) on a fake clock, once per language
 * listed. What the bot answered at every step is compared with `golden/<script>.yaml`: the full
 * sequence of message keys (`Outbound.keys`) of every message, its buttons (choice ids), and the
 * text of messages built from no key (knowledge answers, relayed words). Texts built from keys
 * are left out, so editing a translation does not break a transcript; changing a flow does.
 *
 * `UPDATE_GOLDEN=1 npx vitest run test/transcripts/transcripts.test.ts` (or `UPDATE_GOLDEN=1 npm
 * test`) writes the golden files instead of comparing: read the diff before committing it.
 *
 * ```yaml
 * name: first contact
 * langs: [ru, kk, uz, ky, tg, en]     # run once per language (default: [ru])
 * hint: de                            # optional platform language hint
 * at: "2026-12-02T22:30:00+05:00"     # the fake clock's start (default: a Wednesday, 11:00 in Almaty)
 * steps:
 *   - say: hello                      # the user types text
 *   - say: { ru: привет, uz: salom }  # ... in the run's language (one entry per language run)
 *   - choose_language: $lang          # press the language button ($lang: the run's language)
 *   - press: main-alerts              # press the choice labelled with this Fluent message
 *   - press: 2                        # or the second choice of the last message with choices
 *   - command: forget                 # /forget
 *   - media: voice                    # a voice note (sticker, photo, location, ...)
 *   - edited: "2"                     # an edited message
 *   - button: "main/gone/x"           # raw button data (stale or forged)
 *   - idle: 31d                       # the user goes quiet: the clock moves on, and the session
 *     session: gone                   # ... must be gone (or `kept`); the golden file records it too
 * ```
 * The clock moves one second per step. Each run starts on an empty store, so case numbers and
 * counters do not depend on which transcripts ran before.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, isMap, isScalar, parse, visit } from "yaml";
import { createApp } from "../../src/app/create.ts";
import { loadConfig } from "../../src/config/load.ts";
import { silentLogger } from "../../src/core/log.ts";
import { type Lang } from "../../src/core/lang.ts";
import { Transcript, type Step } from "./script.ts";
import { userKey } from "../../src/core/address.ts";
import { type Inbound, type Input, type Outbound } from "../../src/core/messages.ts";
import { sessionKey } from "../../src/router/default-router.ts";
import type { App } from "../../src/app/app.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testStore } from "../support/redis.ts";

/** One step as the golden file records it: what the user did, and every message of the answer. */
interface GoldenStep {
  in: Record<string, unknown>;
  out?: GoldenMessage[];
  session?: "kept" | "gone";
}
interface GoldenMessage {
  keys: string[];
  text?: string;
  from?: string;
  media?: string;
  choices?: string[];
}

const DIR = "test/transcripts";
const GOLDEN = join(DIR, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const DAY = 86_400_000;
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();

/** The fake clock every part of the app reads; each run sets it to its transcript's `at`. */
const clock = { t: 0, now: () => clock.t };
let app: App;
let store: RedisStore;
beforeAll(async () => {
  store = await testStore("transcripts");
  app = await createApp({ config: loadConfig({}), store, log: silentLogger, clock });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

for (const file of files) {
  const transcript = Transcript.parse(parse(readFileSync(join(DIR, file), "utf8")));
  const goldenFile = join(GOLDEN, file);
  describe(`${file}: ${transcript.name}`, () => {
    const got: Partial<Record<Lang, GoldenStep[]>> = {};
    for (const lang of transcript.langs) {
      it(lang, async () => {
        got[lang] = await run(transcript, lang);
        if (UPDATE) return;
        const golden = readGolden(goldenFile);
        expect(golden[lang], `${goldenFile} has no ${lang} run: UPDATE_GOLDEN=1 writes it`).toBeDefined();
        expect(got[lang]).toEqual(golden[lang]);
      });
    }
    if (UPDATE) {
      afterAll(() => {
        mkdirSync(GOLDEN, { recursive: true });
        // A filtered run (-t) rewrites only the languages it ran.
        const all = { ...(existsSync(goldenFile) ? readGolden(goldenFile) : {}), ...got };
        const ordered = Object.fromEntries(transcript.langs.filter((l) => all[l]).map((l) => [l, all[l]]));
        const header = `# What the bot answers in ${file}; written by UPDATE_GOLDEN=1 (see transcripts.test.ts), not by hand.\n`;
        writeFileSync(goldenFile, header + compact(ordered));
      });
    }
  });
}

/** YAML with each step's input and every list of keys or choices on one line. */
function compact(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "in" && isMap(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function readGolden(path: string): Partial<Record<Lang, GoldenStep[]>> {
  try {
    return parse(readFileSync(path, "utf8")) as Partial<Record<Lang, GoldenStep[]>>;
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}; UPDATE_GOLDEN=1 npx vitest run ${DIR}/transcripts.test.ts writes it`, { cause: error });
  }
}

async function run(transcript: Transcript, lang: Lang): Promise<GoldenStep[]> {
  const keys = await store.keys("");
  for (let i = 0; i < keys.length; i += 500) await store.delete(...keys.slice(i, i + 500));
  clock.t = Date.parse(transcript.at);
  const address = { channel: "console" as const, id: `t-${lang}` };
  const steps: GoldenStep[] = [];
  let last: Outbound[] = [];
  let n = 0;
  /** The language the user has chosen so far: labels to press are rendered in it. */
  let current: Lang = lang;
  for (const [i, step] of transcript.steps.entries()) {
    const where = `step ${i + 1} (${JSON.stringify(step).slice(0, 80)})`;
    if (step.idle) {
      const days = Number(step.idle.slice(0, -1));
      clock.t += days * DAY;
      const ttl = await app.store.ttl(sessionKey(userKey(address)));
      const expires = ttl > 0 && ttl <= days * DAY;
      if (expires) await app.store.delete(sessionKey(userKey(address)));
      const session = expires ? "gone" : "kept";
      if (step.session) expect(session, `${where}: session TTL ${ttl} ms`).toBe(step.session);
      steps.push({ in: { idle: step.idle }, session });
      continue;
    }
    clock.t += 1000;
    const input = toInput(step, current, last, where, lang);
    if (step.choose_language) current = (step.choose_language === "$lang" ? lang : step.choose_language) as Lang;
    const inbound: Inbound = { address, messageId: String(++n), input, ...(transcript.hint ? { langHint: transcript.hint } : { langHint: lang }) };
    const out = (await app.router.handle(inbound, async () => undefined)).replies;
    if (out.some((m) => m.choices?.length)) last = out;
    for (const [j, message] of out.entries()) {
      expect(message.text, `${where}, message ${j + 1}: unrendered Fluent placeholder`).not.toMatch(/\{\s*\$|\{\?\?\?\}/);
    }
    steps.push({ in: described(step, lang), out: out.map(golden) });
  }
  return steps;
}

/** The step as the golden file shows it: its one action, with `$lang` and per-language text resolved. */
function described(step: Step, lang: Lang): Record<string, unknown> {
  const entries = Object.entries(step).filter(([name]) => name !== "session");
  return Object.fromEntries(
    entries.map(([name, value]) => {
      if (name === "say" && typeof value === "object") return [name, (value as Partial<Record<Lang, string>>)[lang]];
      if (name === "choose_language" && value === "$lang") return [name, lang];
      return [name, value];
    }),
  );
}

function golden(message: Outbound): GoldenMessage {
  const keys = message.keys ?? [];
  return {
    keys,
    ...(keys.length === 0 ? { text: message.text } : {}),
    ...(message.from ? { from: message.from } : {}),
    ...(message.media ? { media: message.media.kind } : {}),
    ...(message.choices?.length ? { choices: message.choices.map((c) => c.id) } : {}),
  };
}

function toInput(step: Step, lang: Lang, last: Outbound[], where: string, runLang: Lang = lang): Input {
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
