import type { FlowSet } from "../engine/flow.ts";
import { readSession } from "../engine/session.ts";
import type { Lang } from "../core/lang.ts";
import { sessionKey } from "../core/keys.ts";
import type { Store } from "../store/store.ts";

/** Channels an alert can go to. */
export const ALERT_CHANNELS = ["telegram", "whatsapp"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** Who gets an alert: subscribers of any of `segments`, narrowed by language, channel and deep-link source. */
export interface Audience {
  segments: string[];
  langs?: Lang[];
  channel?: AlertChannel;
  source?: string;
}

/** One recipient: the user (`telegram:42`) and the language their alert is in. */
export interface Recipient {
  user: string;
  lang: Lang;
}

/** The alert segments every deployment has; flows may define more (any `subscribe` node's `segments`). */
export const SEGMENTS = ["kz", "abroad"] as const;

/** Store key of the set of users subscribed to a segment. */
export const segmentKey = (segment: string) => `alerts:${segment}`;

/** The segments the flows let users subscribe to (the `segments` of every `subscribe` node), sorted. */
export function knownSegments(flows: FlowSet): string[] {
  const found = new Set<string>();
  for (const flow of flows.flows.values()) {
    for (const node of flow.nodes.values()) {
      const segments = node.type === "subscribe" ? (node as { segments?: unknown }).segments : undefined;
      if (Array.isArray(segments)) for (const s of segments) if (typeof s === "string") found.add(s);
    }
  }
  return [...found].sort();
}

/**
 * The recipients of an audience, each once (a user in two segments is one recipient), in a
 * stable order. The language and source come from the user's session; a user whose session
 * expired gets `defaultLang` and matches no source filter. Users who blocked the bot are left out.
 */
export async function findRecipients(store: Store, audience: Audience, defaultLang: Lang, now = Date.now()): Promise<Recipient[]> {
  const users = new Set<string>();
  for (const segment of audience.segments) for (const user of await store.smembers(segmentKey(segment))) users.add(user);
  const candidates = [...users].filter((user) => {
    const channel = user.slice(0, user.indexOf(":"));
    return (ALERT_CHANNELS as readonly string[]).includes(channel) && (!audience.channel || channel === audience.channel);
  });
  candidates.sort();
  const recipients: Recipient[] = [];
  const CHUNK = 500;
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK);
    const raws = await Promise.all(chunk.map((user) => store.get(sessionKey(user))));
    chunk.forEach((user, j) => {
      const { session } = readSession(raws[j] ?? null, now);
      if (session.blocked) return;
      const lang = session.lang ?? defaultLang;
      if (audience.langs && !audience.langs.includes(lang)) return;
      if (audience.source !== undefined && session.src !== audience.source) return;
      recipients.push({ user, lang });
    });
  }
  return recipients;
}

/** Recipients per language and channel: `{ ru: { telegram: 3, whatsapp: 1 } }`. */
export function countRecipients(recipients: readonly Recipient[]): Partial<Record<Lang, Partial<Record<AlertChannel, number>>>> {
  const counts: Partial<Record<Lang, Partial<Record<AlertChannel, number>>>> = {};
  for (const r of recipients) {
    const channel = r.user.slice(0, r.user.indexOf(":")) as AlertChannel;
    const byChannel = (counts[r.lang] ??= {});
    byChannel[channel] = (byChannel[channel] ?? 0) + 1;
  }
  return counts;
}
