/**
 * What the statistics count: aggregates only. No event carries message text (except the normalised
 * words of a question that found no article), a phone number or a user id; the message event's
 * `user` is only ever added to a HyperLogLog as a keyed hash (see `plan.ts`).
 */
export type StatsEvent =
  /** One inbound message (recorded by the router with its commit). `source`/`flow` only when they changed. */
  | { k: "message"; user: string; channel: string; lang: string; source?: string; flow?: string }
  /** A knowledge article shown (its short answer). */
  | { k: "article"; id: string; lang: string }
  /** A typed question that matched no article: its normalised words (no user, no raw text). */
  | { k: "miss"; words: string[]; lang: string }
  /** A finished job check (guided or a pasted ad): the level and the flags raised. */
  | { k: "check"; risk: string; flags: string[]; mode: "guided" | "ad" }
  /** An agency looked up in the NGO's list (the `x-agency-lookup` effect). */
  | { k: "agency" }
  /** An alert message to one subscriber: delivered or blocked; an unsubscribe. */
  | { k: "alert"; result: "sent" | "blocked" }
  | { k: "unsubscribe" }
  /** Hotline cases. `by` is the consultant's display name (staff, not a migrant). */
  | { k: "case-opened"; reason: string; urgent: boolean }
  | { k: "case-taken"; waitMs: number; withinSla: boolean; by: string }
  | { k: "case-closed"; outcome: string; by: string }
  | { k: "case-feedback"; score: number; by?: string };

/** The effect type that carries a `StatsEvent` out of the pure step (node kinds, interceptors). */
export const STATS_EFFECT = "x-stats";

/** An effect for `ctx.emit`: the router takes it out of the step and records it with the commit. */
export function statsEffect(event: StatsEvent): { type: typeof STATS_EFFECT; event: StatsEvent } {
  return { type: STATS_EFFECT, event };
}

/**
 * The statistics event an effect stands for: an `x-stats` effect's event, or one of the effects
 * other modules already emit (`x-unsubscribe`, `x-agency-lookup`).
 */
export function statsEventOf(effect: { type: string }): StatsEvent | null {
  if (effect.type === STATS_EFFECT) {
    const event = (effect as { event?: unknown }).event;
    return typeof event === "object" && event !== null && typeof (event as { k?: unknown }).k === "string" ? (event as StatsEvent) : null;
  }
  if (effect.type === "x-unsubscribe") return { k: "unsubscribe" };
  if (effect.type === "x-agency-lookup") return { k: "agency" };
  return null;
}

/**
 * Where events go. The router records a message's events right after its commit (one script call,
 * one round trip); staff-side services (cases) record their own.
 */
export interface StatsRecorder {
  record(events: readonly StatsEvent[], at?: number): Promise<void>;
}

/** A recorder that counts nothing (no Redis: the console demo; tests that do not look). */
export const noStats: StatsRecorder = { record: async () => undefined };
