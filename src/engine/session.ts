import { z } from "zod";
import { LANGS } from "../core/lang.ts";

/**
 * A user's conversation state, stored as JSON between steps (Redis or memory).
 *
 * Versioned: `v` names the schema version. `readSession` migrates older versions on read and
 * resets what it cannot read (the caller logs it), so a bad record never crashes a handler.
 * Keep it small: it is written on every message (the benchmark reports bytes per session).
 */

/** A value collected from the user or set by a flow. */
export const VarValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type VarValue = z.infer<typeof VarValue>;

/** One frame of the flow stack: which flow and which node. `call` pushes, `end` pops. */
export const Frame = z.object({
  f: z.string(), // flow id
  n: z.string(), // node id
});
export type Frame = z.infer<typeof Frame>;

export const SESSION_VERSION = 1;

export const SessionSchema = z.object({
  v: z.literal(SESSION_VERSION),
  lang: z.enum(LANGS).optional(),
  /** Flow stack, innermost last. Empty: the user is at no node (fresh or after /stop). */
  stack: z.array(Frame).default([]),
  /** True while the innermost node waits for input. */
  wait: z.boolean().default(false),
  /** Collected answers and flags set by flows, by name. */
  vars: z.record(z.string(), VarValue).default({}),
  /** Inputs in a row that fitted nothing at the current node. */
  miss: z.number().int().min(0).default(0),
  /** Where the user first came from (`/start PAYLOAD` deep link). */
  src: z.string().optional(),
  /** The user blocked the bot (Telegram 403): do not send to them until they write again. */
  blocked: z.boolean().optional(),
  /** Alert segments the user subscribed to. */
  subs: z.array(z.string()).optional(),
  /** Open case number, while the user talks to a consultant. */
  caseId: z.number().int().optional(),
  /** First and last activity, epoch milliseconds. */
  t0: z.number(),
  t1: z.number(),
});
export type Session = z.infer<typeof SessionSchema>;

export function newSession(now: number): Session {
  return { v: SESSION_VERSION, stack: [], wait: false, vars: {}, miss: 0, t0: now, t1: now };
}

export type ReadResult =
  | { ok: true; session: Session; migrated: boolean }
  | { ok: false; session: Session; reason: string };

/**
 * Parse a stored session. Older versions are migrated; anything unreadable yields a fresh
 * session with `ok: false` and the reason (for one log line, never a crash).
 */
export function readSession(raw: string | null, now: number): ReadResult {
  if (raw === null) return { ok: true, session: newSession(now), migrated: false };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, session: newSession(now), reason: "not JSON" };
  }
  const migrated = migrate(data);
  const parsed = SessionSchema.safeParse(migrated.data);
  if (!parsed.success) {
    return { ok: false, session: newSession(now), reason: parsed.error.issues[0]?.message ?? "invalid" };
  }
  return { ok: true, session: parsed.data, migrated: migrated.changed };
}

/**
 * Bring an older stored shape up to the current version. Version 0 was the prototype's
 * `{ language, flow, node, answers }`; add a case here for each new version.
 */
function migrate(data: unknown): { data: unknown; changed: boolean } {
  if (typeof data !== "object" || data === null) return { data, changed: false };
  const record = data as Record<string, unknown>;
  if (record.v === undefined && ("language" in record || "answers" in record)) {
    const now = Date.now();
    return {
      changed: true,
      data: {
        v: 1,
        lang: record.language,
        stack: typeof record.flow === "string" && typeof record.node === "string" ? [{ f: record.flow, n: record.node }] : [],
        wait: false,
        vars: record.answers ?? {},
        miss: 0,
        t0: typeof record.createdAt === "number" ? record.createdAt : now,
        t1: now,
      },
    };
  }
  return { data, changed: false };
}

export function writeSession(session: Session): string {
  return JSON.stringify(session);
}
