import { hashId } from "../core/log.ts";
import type { StatsEvent } from "./events.ts";

/**
 * Turning events into counter increments, without I/O. Every statistics key carries the hash tag
 * `{st}`, so one message's increments are one script in one Redis Cluster slot, and the dashboard
 * reads a year in one pipeline.
 *
 * - `st:{st}:d:<YYYY-MM-DD>` — a hash of the day's counters (fields below);
 * - `st:{st}:u:<YYYY-MM-DD>` and `st:{st}:m:<YYYY-MM>` — HyperLogLogs of the day's and month's users,
 *   fed with a keyed hash of the user (HMAC with LOG_TAG_SECRET, `hashId`): the HLL keeps no
 *   readable id, and the hash cannot be reversed by trying every chat id without the secret.
 *
 * Day fields: `m` messages, `m:ch:<channel>`, `m:lang:<lang>`, `h:<00-23>` messages by local hour,
 * `u:ch:<channel>`/`u:lang:<lang>` a user's first message of the day (by the day HLL), `src:<source>`,
 * `flow:<id>`, `art:<id>`, `art:lang:<lang>`, `miss`, `miss:lang:<lang>`, `q:<words>`, `chk:<mode>:<risk>`,
 * `flag:<id>`, `agency`, `alert:<sent|blocked>`, `unsub`, `case:<opened|taken|closed>`,
 * `case:urgent`, `case:reason:<r>`, `out:<outcome>`, `fb:<1-5>`, `take:n`, `take:ms`, `take:sla`,
 * `take:b:<minutes>`, `cc:t:<name>`, `cc:c:<name>`, `cc:fb:<name>`, `cc:fbn:<name>`.
 */
export const STATS_TAG = "st:{st}:";

export const dayKey = (day: string): string => `${STATS_TAG}d:${day}`;
export const dayUsersKey = (day: string): string => `${STATS_TAG}u:${day}`;
export const monthUsersKey = (month: string): string => `${STATS_TAG}m:${month}`;

/** Upper bounds (minutes) of the time-to-take histogram; the last bucket is "more". */
export const TAKE_BUCKETS = [5, 15, 30, 60, 120, 240, 480, 1440] as const;

/** One increment: `H` add `n` to a day field; `P` add a user to the day and month HLLs; `G` add `n` only if that user was new today. */
export type StatsStep = { t: "H" | "G"; field: string; n: number } | { t: "P"; user: string };

const SAFE = /^[\w.-]{1,60}$/;

/** Field-safe text: no separators or control characters, at most 60 characters. */
export function fieldPart(value: string): string {
  if (SAFE.test(value)) return value; // the usual case (ids, language codes), without the Unicode pass
  return (
    value
      .replace(/[\p{C}:|]/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 60) || "-"
  );
}

/** Recent users' tags (a user sends several messages in a row): the HMAC once per user, at most 10,000 kept, in memory only. */
const tags = new Map<string, string>();
function userTag(user: string): string {
  let tag = tags.get(user);
  if (tag === undefined) {
    if (tags.size >= 10_000) tags.clear();
    tag = hashId(user);
    tags.set(user, tag);
  }
  return tag;
}

/** The increments of some events (in order; `G` steps follow their `P`). */
export function planSteps(events: readonly StatsEvent[], hour: string): StatsStep[] {
  const out: StatsStep[] = [];
  const add = (field: string, n = 1) => out.push({ t: "H", field, n });
  for (const e of events) {
    switch (e.k) {
      case "message": {
        const ch = fieldPart(e.channel);
        const lang = fieldPart(e.lang);
        add("m");
        add(`m:ch:${ch}`);
        add(`m:lang:${lang}`);
        add(`h:${hour}`);
        out.push({ t: "P", user: userTag(e.user) }, { t: "G", field: "u", n: 1 }, { t: "G", field: `u:ch:${ch}`, n: 1 }, { t: "G", field: `u:lang:${lang}`, n: 1 });
        if (e.source) add(`src:${fieldPart(e.source)}`);
        if (e.flow) add(`flow:${fieldPart(e.flow)}`);
        break;
      }
      case "article":
        add(`art:${fieldPart(e.id)}`);
        add(`art:lang:${fieldPart(e.lang)}`);
        break;
      case "miss": {
        add("miss");
        add(`miss:lang:${fieldPart(e.lang)}`);
        const words = [...new Set(e.words.map((w) => fieldPart(w.toLowerCase())))].filter((w) => w !== "-").sort().slice(0, 6);
        if (words.length) add(`q:${words.join(" ")}`);
        break;
      }
      case "check":
        add(`chk:${e.mode}:${fieldPart(e.risk)}`);
        for (const flag of e.flags) add(`flag:${fieldPart(flag)}`);
        break;
      case "agency":
        add("agency");
        break;
      case "alert":
        add(`alert:${e.result}`);
        break;
      case "unsubscribe":
        add("unsub");
        break;
      case "case-opened":
        add("case:opened");
        add(`case:reason:${fieldPart(e.reason)}`);
        if (e.urgent) add("case:urgent");
        break;
      case "case-taken": {
        const minutes = Math.max(0, e.waitMs) / 60_000;
        add("case:taken");
        add("take:n");
        add("take:ms", Math.round(Math.max(0, e.waitMs)));
        if (e.withinSla) add("take:sla");
        add(`take:b:${TAKE_BUCKETS.find((b) => minutes <= b) ?? "more"}`);
        add(`cc:t:${fieldPart(e.by)}`);
        break;
      }
      case "case-closed":
        add("case:closed");
        add(`out:${fieldPart(e.outcome)}`);
        add(`cc:c:${fieldPart(e.by)}`);
        break;
      case "case-feedback": {
        const score = Math.min(5, Math.max(1, Math.round(e.score)));
        add(`fb:${score}`);
        if (e.by) {
          add(`cc:fb:${fieldPart(e.by)}`, score);
          add(`cc:fbn:${fieldPart(e.by)}`);
        }
        break;
      }
    }
  }
  return out;
}

/** A time's local day (`YYYY-MM-DD`), month and hour in the hotline's time zone. */
export class LocalCalendar {
  private readonly format: Intl.DateTimeFormat;
  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
  }
  private cached = { slot: NaN, value: { day: "", month: "", hour: "" } };

  at(ms: number): { day: string; month: string; hour: string } {
    // Every time zone's offset is a whole number of quarter hours: one formatting per quarter hour.
    const slot = Math.floor(ms / 900_000);
    if (slot === this.cached.slot) return this.cached.value;
    const parts: Record<string, string> = {};
    for (const p of this.format.formatToParts(ms)) parts[p.type] = p.value;
    const month = `${parts.year}-${parts.month}`;
    const value = { day: `${month}-${parts.day}`, month, hour: parts.hour ?? "00" };
    this.cached = { slot, value };
    return value;
  }
}
