import { z } from "zod";
import { LANGS } from "../core/lang.ts";
import { defineSlot } from "../engine/slots.ts";
import type { MediaKind } from "../core/messages.ts";

/**
 * The shape of a hotline case as it lives in the store (`case:<id>`, JSON), and the entries of
 * its log (`case:<id>:log`). Plain data, validated on read so that a damaged record is reported
 * instead of crashing a staff action.
 */

export const CASE_STATUSES = ["waiting", "assigned", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** How a case ended, chosen by the consultant on `/close`. */
export const OUTCOMES = ["info", "referred", "trafficking", "no-reply", "other"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REASONS = ["menu", "command", "job-check", "danger", "misunderstood", "article"] as const;
/** What brought the user to a consultant (shown on the case card). */
export type HandoffReason = (typeof REASONS)[number];

/**
 * The cases module's effect: the user wants a person. Emitted by the `case-open` node (and by
 * other modules' nodes, e.g. a high-risk job check); its handler opens the case.
 */
export const HANDOFF = "x-handoff";
export const HandoffEffectSchema = z.object({
  type: z.literal(HANDOFF),
  reason: z.enum(REASONS),
  urgent: z.boolean(),
  /** Short facts for the consultant (answers of a job check, the article read, the danger words). */
  summary: z.record(z.string(), z.string()),
});
export type HandoffEffect = z.infer<typeof HandoffEffectSchema>;

/** A message of the user at the `case-chat` node, for the consultant of open case `id`. */
export const RELAY = "x-relay";
export const RelayEffectSchema = z.object({
  type: z.literal(RELAY),
  id: z.number().int().positive(),
  message: z.object({
    /** "text", or the media kind (photo, voice, sticker, ...). */
    kind: z.custom<"text" | MediaKind>((v) => typeof v === "string"),
    text: z.string().optional(),
    fileId: z.string().optional(),
  }),
});
export type RelayEffect = z.infer<typeof RelayEffectSchema>;

/** The user left the chat of open case `id` (`/menu`, "end chat"): the consultant is told. */
export const CASE_LEFT = "x-case-left";
export const CaseLeftEffectSchema = z.object({ type: z.literal(CASE_LEFT), id: z.number().int().positive() });

/** The prefix of the feedback buttons after a close: `case-fb:<case id>:<1–5>` (see `moduleToken`). */
export const FEEDBACK_TOKEN = "case-fb";

/** The user's open case, in their session while they talk to a consultant (before slots: the session's `caseId`). */
export const openCaseSlot = defineSlot({
  name: "cases",
  version: 1,
  schema: z.object({ id: z.number().int().positive() }),
  legacy: (old) => (typeof old.caseId === "number" && Number.isInteger(old.caseId) && old.caseId > 0 ? { id: old.caseId } : undefined),
});

/** A person on the staff side: a Telegram user in the staff group, or whoever runs `jol desk`. */
export const ActorSchema = z.object({
  kind: z.enum(["telegram", "console"]),
  id: z.string(),
  name: z.string(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const CaseSchema = z.object({
  id: z.number().int().positive(),
  /** The migrant's address: where relayed messages go. */
  user: z.object({ channel: z.enum(["telegram", "whatsapp", "console"]), id: z.string() }),
  /** Display name from the platform, for staff only. */
  name: z.string().optional(),
  lang: z.enum(LANGS),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(["normal", "urgent"]),
  reason: z.enum(REASONS),
  /** Facts for the consultant: job-check answers and result, the article read, danger words. */
  summary: z.record(z.string(), z.string()).default({}),
  /** The user's own short description (may be empty: they skipped it). */
  desc: z.string().optional(),
  /** The user agreed that the consultant may see their phone number / account. */
  contact: z.boolean().default(false),
  assignee: ActorSchema.optional(),
  /** Telegram forum topic (message_thread_id) and summary card message id in the staff group. */
  topic: z.number().int().optional(),
  card: z.number().int().optional(),
  /** The topic's current name (renamed when the priority or status changes). */
  tname: z.string().optional(),
  /** The user left the chat (`/menu`, "end chat"); their messages go to the bot again. */
  left: z.boolean().default(false),
  outcome: z.enum(OUTCOMES).optional(),
  feedback: z.number().int().min(1).max(5).optional(),
  opened: z.number(),
  taken: z.number().optional(),
  closed: z.number().optional(),
});
export type Case = z.infer<typeof CaseSchema>;

/** One line of a case's log: relayed messages both ways, internal notes and events, with times. */
export const LogEntrySchema = z.object({
  /** Epoch milliseconds. */
  t: z.number(),
  /** user: from the migrant; staff: relayed to the migrant; note: internal; event: status changes. */
  type: z.enum(["user", "staff", "note", "event"]),
  /** Staff member's name for staff/note/event entries. */
  who: z.string().optional(),
  /** text, or a media kind (photo, voice, sticker, ...). */
  kind: z.string().default("text"),
  text: z.string().optional(),
  fileId: z.string().optional(),
  /** For events: a short code (taken, closed, left, ...). */
  event: z.string().optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** A staff action was refused: the actor is not on the allow-list. */
export class NotAllowedError extends Error {
  constructor(readonly actor: Actor) {
    super(`${actor.kind} user ${actor.id} is not a hotline consultant; add the id to TELEGRAM_OPERATOR_IDS (or TELEGRAM_ADMIN_IDS)`);
    this.name = "NotAllowedError";
  }
}
