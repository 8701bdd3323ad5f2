import { FixableError } from "../core/errors.ts";
import { isLang, LANGS, type Lang } from "../core/lang.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Store } from "../store/store.ts";
import { ALERT_CHANNELS, countRecipients, findRecipients, type AlertChannel, type Audience, type Recipient } from "./audience.ts";
import { overLength, resolveTexts, type TextPlan } from "./texts.ts";

/** An alert ready to be stored: its recipients and the text each language gets. */
export interface PreparedAlert {
  audience: Audience;
  recipients: Recipient[];
  texts: Partial<Record<Lang, string>>;
  counts: ReturnType<typeof countRecipients>;
  /** The languages of the recipients, in the order of LANGS. */
  langs: Lang[];
}

export interface PrepareDeps {
  store: Store;
  i18n: Localizer;
  defaultLang: Lang;
  /** The segments users can subscribe to. */
  segments: readonly string[];
}

/** An audience as typed (a command line, a wizard's buttons), checked: one clear error for an unknown segment, language or channel. */
export function parseAudience(input: { segments: string[]; langs?: string[]; channel?: string; source?: string }, known: readonly string[]): Audience {
  if (input.segments.length === 0) throw new FixableError(`No segment given: choose one of ${known.join(", ")}.`);
  for (const segment of input.segments) {
    if (!known.includes(segment)) throw new FixableError(`Unknown segment "${segment}": choose one of ${known.join(", ")}.`);
  }
  const langs = input.langs?.map((lang) => {
    if (!isLang(lang)) throw new FixableError(`Unknown language "${lang}": use ${LANGS.join(", ")}.`);
    return lang;
  });
  const channel = input.channel === undefined ? undefined : ALERT_CHANNELS.find((c) => c === input.channel);
  if (input.channel !== undefined && !channel) throw new FixableError(`Unknown channel "${input.channel}": use ${ALERT_CHANNELS.join(" or ")}.`);
  return { segments: input.segments, ...(langs ? { langs } : {}), ...(channel ? { channel } : {}), ...(input.source ? { source: input.source } : {}) };
}

/** Languages without a text of their own get another language's: `{ kk: "ru" }` from `kk=ru,ky=ru`. */
export function parseUse(pairs: string): Partial<Record<Lang, Lang>> {
  const use: Partial<Record<Lang, Lang>> = {};
  for (const pair of pairs.split(",").filter(Boolean)) {
    const [to, from] = pair.split("=").map((s) => s.trim());
    if (!isLang(to) || !isLang(from)) throw new FixableError(`"${pair}": write it as LANG=FROM with two of ${LANGS.join(", ")}, like kk=ru.`);
    use[to] = from;
  }
  return use;
}

/** The recipients of a checked audience and their languages (in the order of LANGS). */
export async function findAudience(deps: PrepareDeps, audience: Audience): Promise<{ recipients: Recipient[]; langs: Lang[] }> {
  const recipients = await findRecipients(deps.store, audience, deps.defaultLang);
  const present = new Set(recipients.map((r) => r.lang));
  return { recipients, langs: LANGS.filter((l) => present.has(l)) };
}

/**
 * Everything checked before an alert is stored: the audience has subscribers, every language of
 * the audience has a text (its own or another language's, never silently nothing), no text is
 * empty or over the platform's limit with the opt-out line. Errors are one line with the fix.
 */
export async function prepareAlert(deps: PrepareDeps, audience: Audience, plan: TextPlan): Promise<PreparedAlert> {
  for (const [lang, text] of Object.entries(plan.written)) {
    if (!(LANGS as readonly string[]).includes(lang)) throw new FixableError(`The texts have a language "${lang}" that is not one of ${LANGS.join(", ")}: rename or remove it.`);
    if (typeof text !== "string" || text.trim() === "") throw new FixableError(`The ${lang} text is empty: write it or remove the line.`);
  }
  const { recipients, langs } = await findAudience(deps, audience);
  if (recipients.length === 0) throw new FixableError(`No subscribers in this audience (${describeAudience(audience)}): nothing to send.`);
  const resolved = resolveTexts(langs, plan);
  if (!resolved.ok) {
    throw new FixableError(`No text for ${resolved.missing.join(", ")} (subscribers in the audience speak it): add a text for it, or send them another language's text (--use ${resolved.missing[0]}=ru).`);
  }
  const channels = [...new Set(recipients.map((r) => r.user.slice(0, r.user.indexOf(":")) as AlertChannel))];
  const long = overLength(deps.i18n, resolved.texts, channels);
  if (long) throw new FixableError(`The ${long.lang} text is too long: ${long.length} characters with the opt-out line, the limit is ${long.limit}. Shorten it.`);
  return { audience, recipients, texts: resolved.texts, counts: countRecipients(recipients), langs };
}

/** `kz, abroad · ru, uz · telegram · source portal` for logs and errors. */
export function describeAudience(audience: Audience): string {
  return [audience.segments.join(", "), audience.langs?.join(", "), audience.channel, audience.source && `source ${audience.source}`].filter(Boolean).join(" · ");
}
