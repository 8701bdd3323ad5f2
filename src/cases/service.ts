import type { Config } from "../config/schema.ts";
import type { Store } from "../store/store.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Logger } from "../core/log.ts";
import type { Address } from "../core/address.ts";
import type { Clock } from "../core/clock.ts";
import type { Lang } from "../core/lang.ts";
import type { MediaKind, Outbound } from "../core/messages.ts";
import type { Delivered, DeliveryTag, DurableDeliver } from "../core/delivery.ts";
import { CaseStore } from "./store.ts";
import { StaffQueue, type StaffJob } from "./queue.ts";
import { nextOpening, parseHours, type Hours } from "./hours.ts";
import { FEEDBACK_TOKEN, NotAllowedError, type Actor, type Case, type HandoffReason, type LogEntry, type Outcome } from "./types.ts";
import { moduleToken } from "../engine/choice-token.ts";
import { statsFor } from "../stats/create.ts"; // statistics (issue 16)
import type { StatsEvent } from "../stats/events.ts"; // statistics (issue 16)

/** What the case service needs: the app's shared parts, and a way to reach users. */
export interface CaseServiceDeps {
  config: Config;
  store: Store;
  i18n: Localizer;
  log: Logger;
  clock: Clock;
  /**
   * Reaches a user on their messenger through the durable outbox: a consultant's words wait there
   * in order with the bot's replies, survive a crash, and keep the shared send limits.
   */
  outbox: DurableDeliver;
}

/** A request for a person, from the `handoff` effect. */
export interface OpenRequest {
  address: Address;
  lang: Lang;
  name?: string;
  reason: HandoffReason;
  urgent: boolean;
  summary: Record<string, string>;
  desc?: string;
  /** The user agreed to show their contact (phone number / account) to the consultant. */
  contact: boolean;
}

/** What a user sent while talking to a consultant. */
export interface UserMessage {
  kind: "text" | MediaKind;
  text?: string;
  fileId?: string;
}

export type TakeResult =
  | { ok: true; case: Case; previous?: Actor }
  | { ok: false; reason: "taken"; holder: Actor; case: Case }
  | { ok: false; reason: "yours"; case: Case }
  | { ok: false; reason: "closed" | "missing" };

/** "sent" also when durably queued for a process that runs the user's channel; "held": the channel keeps it for later. */
export type SayResult = "sent" | "internal" | "blocked" | "held" | "failed" | "closed" | "missing";

const DAY = 86_400_000;
/** The outbox tag of a case's messages to its user. */
const CASE_TAG = "case";
/** How long the 1–5 feedback question stays answerable. */
const FEEDBACK_TTL = 3 * DAY;

/**
 * The hotline's core, independent of any messenger: open cases, relay messages both ways,
 * take / transfer / note / close / reopen, with the allow-list checked on every staff action.
 * Anything the staff group must see is pushed to the staff queue (`StaffQueue`) as data; a desk
 * (Telegram, or `jol desk` reading the store) shows it. Users are reached through `delivery`,
 * whatever messenger they use.
 *
 * @example
 * const cases = new CaseService(deps);
 * const result = await cases.take(12, { kind: "telegram", id: "111", name: "Aigul" });
 * if (!result.ok && result.reason === "taken") tell(`${result.holder.name} has it`);
 */
export class CaseService {
  readonly cases: CaseStore;
  readonly queue: StaffQueue;
  /** Called after jobs were queued (the Telegram desk drains at once). */
  onQueued: (() => void) | undefined;

  private readonly hours: Hours;

  constructor(private readonly deps: CaseServiceDeps) {
    this.cases = new CaseStore(deps.store, { retentionMs: deps.config.CASE_RETENTION_DAYS * DAY });
    this.queue = new StaffQueue(deps.store);
    this.hours = parseHours(deps.config.HOTLINE_HOURS, deps.config.HOTLINE_DAYS, deps.config.HOTLINE_TIMEZONE);
    // A case message that did not arrive is reported wherever it was found out (any process).
    deps.outbox.listen(CASE_TAG, (tag, outcome) => this.undelivered(tag, outcome));
  }

  get config(): Config {
    return this.deps.config;
  }

  /** admin (also a consultant), consultant, or null. Whoever runs `jol desk` has Redis and is trusted. */
  role(actor: Actor): "admin" | "consultant" | null {
    if (actor.kind === "console") return "admin";
    const id = Number(actor.id);
    if (this.deps.config.TELEGRAM_ADMIN_IDS.includes(id)) return "admin";
    if (this.deps.config.TELEGRAM_OPERATOR_IDS.includes(id)) return "consultant";
    return null;
  }

  /** Throws `NotAllowedError` unless the actor is a consultant or admin. Called by every staff action. */
  authorize(actor: Actor): void {
    if (!this.role(actor)) throw new NotAllowedError(actor);
  }

  // ---- the user's side (called inside the user's lock) ----

  /**
   * Open a case, or add to the user's open one ("writing again adds to it"). The staff group is
   * told either way; a new case also gets its SLA reminder scheduled.
   */
  async open(req: OpenRequest): Promise<{ case: Case; created: boolean }> {
    const now = this.deps.clock.now();
    await this.cases.clearLeft(req.address);
    const existing = await this.cases.openFor(req.address);
    if (existing !== null) {
      const { after } = await this.cases.update(existing, (c) =>
        c.status === "closed"
          ? null
          : {
              ...c,
              left: false,
              lang: req.lang,
              priority: req.urgent ? "urgent" : c.priority,
              summary: { ...c.summary, ...req.summary },
              contact: c.contact || req.contact,
            },
      );
      if (after && after.status !== "closed") {
        await this.cases.append(after.id, { t: now, type: "event", kind: "text", event: "again" });
        const jobs: StaffJob[] = [{ t: "event", id: after.id, key: "case-staff-again", args: { reason: req.reason } }, { t: "card", id: after.id }];
        if (req.desc) {
          const e: LogEntry = { t: now, type: "user", kind: "text", text: req.desc };
          await this.cases.append(after.id, e);
          jobs.push({ t: "user", id: after.id, e });
        }
        await this.push(...jobs);
        return { case: after, created: false };
      }
      await this.cases.detachUser(req.address, existing);
    }
    const created = await this.cases.create({
      user: req.address,
      name: req.name,
      lang: req.lang,
      status: "waiting",
      priority: req.urgent ? "urgent" : "normal",
      reason: req.reason,
      summary: req.summary,
      desc: req.desc,
      contact: req.contact,
      left: false,
      opened: now,
    });
    await this.cases.append(created.id, { t: now, type: "event", kind: "text", event: "opened" });
    // The SLA counts from when the hotline is staffed: a case opened at night is due in the morning.
    await this.cases.scheduleReminder(created.id, 1, nextOpening(this.hours, now).at + this.slaMs());
    await this.push({ t: "open", id: created.id });
    this.count({ k: "case-opened", reason: req.reason, urgent: req.urgent }); // statistics (issue 16)
    this.deps.log.info("case opened", { case: created.id, reason: req.reason, urgent: req.urgent, channel: req.address.channel });
    return { case: created, created: true };
  }

  /** A message from the user of an open case: into the log and to the staff topic. */
  async fromUser(id: number, message: UserMessage): Promise<void> {
    const e: LogEntry = { t: this.deps.clock.now(), type: "user", ...message };
    await this.cases.append(id, e);
    await this.push({ t: "user", id, e });
  }

  /** The user left the chat (`/menu`, "end chat"): the consultant sees it; the case stays open. */
  async userLeft(id: number): Promise<void> {
    const { after, changed } = await this.cases.update(id, (c) => (c.left || c.status === "closed" ? null : { ...c, left: true }));
    if (after && changed) await this.cases.markLeft(after);
    await this.cases.append(id, { t: this.deps.clock.now(), type: "event", kind: "text", event: "left" });
    await this.push({ t: "event", id, key: "case-staff-user-left" });
  }

  /**
   * `/forget`: delete everything the hotline keeps about the user. Topics of cases that were still
   * open are told, so a consultant does not wait for an answer that will not come.
   */
  async forget(address: Address): Promise<void> {
    const open = await this.cases.forgetUser(address);
    for (const { id, topic } of open) await this.push({ t: "event", id, key: "case-staff-forgotten", topic });
    if (open.length > 0) this.deps.log.info("cases forgotten at the user's request", { open: open.length });
  }

  /** The 1–5 answer after a close. */
  async feedback(id: number, score: number): Promise<void> {
    const { after } = await this.cases.update(id, (c) => ({ ...c, feedback: score }));
    this.count({ k: "case-feedback", score, ...(after?.assignee ? { by: after.assignee.name } : {}) }); // statistics (issue 16)
    await this.cases.append(id, { t: this.deps.clock.now(), type: "event", kind: "text", event: "feedback", text: String(score) });
    await this.push({ t: "event", id, key: "case-staff-feedback", args: { score } });
  }

  // ---- the staff side (every action checks the allow-list) ----

  /** Cases not closed, oldest first. */
  async list(actor: Actor): Promise<Case[]> {
    this.authorize(actor);
    const out: Case[] = [];
    for (const id of await this.cases.openIds()) {
      const c = await this.cases.get(id);
      if (c && c.status !== "closed") out.push(c);
    }
    return out;
  }

  async get(actor: Actor, id: number): Promise<Case | null> {
    this.authorize(actor);
    return this.cases.get(id);
  }

  /**
   * Take a waiting case; with `over`, take an assigned one from its consultant (Take over,
   * `/transfer`). Atomic: of two consultants pressing at once exactly one wins, the other learns
   * who has it.
   */
  async take(id: number, actor: Actor, options: { over?: boolean } = {}): Promise<TakeResult> {
    this.authorize(actor);
    const { before, after, changed } = await this.cases.update(id, (c) => {
      if (c.status === "closed") return null;
      if (c.assignee && same(c.assignee, actor)) return null;
      if (c.status === "assigned" && !options.over) return null;
      return { ...c, status: "assigned", assignee: actor, taken: this.deps.clock.now() };
    });
    if (!after || !before) return { ok: false, reason: "missing" };
    if (!changed) {
      if (after.status === "closed") return { ok: false, reason: "closed" };
      if (after.assignee && same(after.assignee, actor)) return { ok: false, reason: "yours", case: after };
      return { ok: false, reason: "taken", holder: after.assignee!, case: after };
    }
    const previous = before.assignee;
    await this.cases.cancelReminders(id);
    await this.cases.append(id, { t: this.deps.clock.now(), type: "event", kind: "text", event: previous ? "transferred" : "taken", who: actor.name });
    await this.push(
      { t: "card", id },
      { t: "event", id, key: previous ? "case-staff-transferred" : "case-staff-taken", args: { name: actor.name, from: previous?.name ?? "" } },
    );
    if (!previous) await this.tellUser(after, "case-user-joined");
    // statistics (issue 16): time to take, and whether within the SLA (which counts from the opening hours)
    if (!previous) this.count({ k: "case-taken", waitMs: (after.taken ?? 0) - after.opened, withinSla: (after.taken ?? 0) <= nextOpening(this.hours, after.opened).at + this.slaMs(), by: actor.name });
    this.deps.log.info("case taken", { case: id, over: Boolean(previous) });
    return { ok: true, case: after, previous };
  }

  /**
   * A staff member wrote in the case: the assignee's words go to the user; anyone else's stay
   * internal (logged as a note). Delivery failures are returned so the desk can say so.
   */
  async say(id: number, actor: Actor, message: { text?: string; media?: Outbound["media"] }): Promise<SayResult> {
    this.authorize(actor);
    const c = await this.cases.get(id);
    if (!c) return "missing";
    if (c.status === "closed") return "closed";
    const now = this.deps.clock.now();
    const kind = message.media?.kind ?? "text";
    if (!c.assignee || !same(c.assignee, actor)) {
      await this.cases.append(id, { t: now, type: "note", who: actor.name, kind, text: message.text });
      return "internal";
    }
    const from = this.deps.i18n.t(c.lang, "case-from-consultant");
    await this.cases.append(id, { t: now, type: "staff", who: actor.name, kind, text: message.text, fileId: message.media?.fileId });
    return this.deliver(c, [{ text: message.text ?? "", media: message.media, from }]);
  }

  /** `/note text`: internal, whoever writes it. */
  async note(id: number, actor: Actor, text: string): Promise<boolean> {
    this.authorize(actor);
    const c = await this.cases.get(id);
    if (!c) return false;
    await this.cases.append(id, { t: this.deps.clock.now(), type: "note", who: actor.name, kind: "text", text });
    return true;
  }

  /** Names of the canned replies (`case-tpl-<name>` in cases.ftl). */
  templates(): string[] {
    return this.deps.i18n
      .ids("en")
      .filter((id) => id.startsWith("case-tpl-"))
      .map((id) => id.slice("case-tpl-".length));
  }

  /** `/tpl name`: a canned reply in the user's language, sent as the assignee's message. */
  async template(id: number, actor: Actor, name: string): Promise<SayResult | "unknown" | "not-assignee"> {
    this.authorize(actor);
    if (!this.templates().includes(name)) return "unknown";
    const c = await this.cases.get(id);
    if (!c) return "missing";
    if (!c.assignee || !same(c.assignee, actor)) return "not-assignee";
    const text = this.deps.i18n.t(c.lang, `case-tpl-${name}`, { phone: this.deps.config.HOTLINE_PHONE });
    return this.say(id, actor, { text });
  }

  /** Close with an outcome; the user is told and asked for 1–5 feedback. */
  async close(id: number, actor: Actor, outcome: Outcome): Promise<{ ok: boolean; case?: Case }> {
    this.authorize(actor);
    const now = this.deps.clock.now();
    const { after, changed } = await this.cases.update(id, (c) => (c.status === "closed" ? null : { ...c, status: "closed", outcome, closed: now }));
    if (!after || !changed) return { ok: false, case: after ?? undefined };
    await this.cases.retire(after);
    await this.cases.cancelReminders(id);
    await this.cases.append(id, { t: now, type: "event", kind: "text", event: "closed", who: actor.name, text: outcome });
    await this.push({ t: "card", id }, { t: "event", id, key: "case-staff-closed", args: { name: actor.name, outcome } });
    if (!after.left) {
      await this.cases.askFeedback(after.user, id, FEEDBACK_TTL);
      await this.deliver(after, [
        this.userText(after.lang, "case-user-closed", { id }),
        {
          ...this.userText(after.lang, "case-feedback-ask"),
          choices: [1, 2, 3, 4, 5].map((n) => ({ id: moduleToken(FEEDBACK_TOKEN, id, n), label: String(n) })),
        },
      ]);
    }
    this.count({ k: "case-closed", outcome, by: actor.name }); // statistics (issue 16)
    this.deps.log.info("case closed", { case: id, outcome });
    return { ok: true, case: after };
  }

  /** Reopen a closed case, assigned to whoever reopens it. Fails if the user has opened another case since. */
  async reopen(id: number, actor: Actor): Promise<{ ok: true; case: Case } | { ok: false; reason: "open" | "missing" | "busy" }> {
    this.authorize(actor);
    const c = await this.cases.get(id);
    if (!c) return { ok: false, reason: "missing" };
    if (c.status !== "closed") return { ok: false, reason: "open" };
    if (!(await this.cases.attachUser(c))) return { ok: false, reason: "busy" };
    const { after, changed } = await this.cases.update(id, (x) =>
      x.status !== "closed" ? null : { ...x, status: "assigned", assignee: actor, outcome: undefined, closed: undefined, left: false },
    );
    if (!after || !changed) return { ok: false, reason: "open" };
    await this.cases.revive(after);
    await this.cases.clearLeft(after.user);
    await this.cases.append(id, { t: this.deps.clock.now(), type: "event", kind: "text", event: "reopened", who: actor.name });
    await this.push({ t: "card", id }, { t: "event", id, key: "case-staff-reopened", args: { name: actor.name } });
    await this.tellUser(after, "case-user-reopened");
    return { ok: true, case: after };
  }

  /** Log entries of a case from index `from` (the console desk follows a case this way). */
  async log(actor: Actor, id: number, from = 0): Promise<LogEntry[]> {
    this.authorize(actor);
    return this.cases.log(id, from);
  }

  // ---- helpers ----

  slaMs(): number {
    return this.deps.config.HOTLINE_SLA_MINUTES * 60_000;
  }

  /**
   * Whether a Telegram staff group will show queued jobs (a staff chat and a bot token). Otherwise
   * nothing is queued — nobody would ever take it off — and `jol desk` reads the store directly.
   */
  get hasStaffGroup(): boolean {
    return this.deps.config.TELEGRAM_STAFF_CHAT_ID !== undefined && this.deps.config.TELEGRAM_BOT_TOKEN !== undefined;
  }

  async push(...jobs: StaffJob[]): Promise<void> {
    if (!this.hasStaffGroup) return;
    await this.queue.push(...jobs);
    this.onQueued?.();
  }

  userText(lang: Lang, key: string, args?: Record<string, string | number>): Outbound {
    return { text: this.deps.i18n.t(lang, key, args), keys: [key] };
  }

  /** statistics (issue 16): counted in the background; a failure is logged, never the staff action's. */
  private count(event: StatsEvent): void {
    statsFor(this.deps.store, this.deps.config)
      .record([event], this.deps.clock.now())
      .catch((error: unknown) => this.deps.log.warn("statistics not recorded", { error: String(error) }));
  }

  private async tellUser(c: Case, key: string): Promise<void> {
    await this.deliver(c, [this.userText(c.lang, key, { id: c.id })]);
  }

  /**
   * Into the user's outbox, tagged with the case: the outcome seen here is returned for the desk's
   * own answer; the staff topic hears of a message that did not arrive from `undelivered`.
   */
  private async deliver(c: Case, messages: Outbound[]): Promise<"sent" | "blocked" | "held" | "failed"> {
    const { result } = await this.deps.outbox.deliver(c.user, messages, { tag: { kind: CASE_TAG, id: c.id } });
    return result === "queued" ? "sent" : result;
  }

  /** A case message did not arrive: a line in the case's topic saying why, and in its history. */
  async undelivered(tag: DeliveryTag, outcome: Exclude<Delivered, { result: "sent" | "queued" }>): Promise<void> {
    const c = await this.cases.get(tag.id);
    this.deps.log.warn("case message not delivered", { case: tag.id, channel: c?.user.channel, result: outcome.result });
    if (!c) return;
    await this.cases.append(c.id, { t: this.deps.clock.now(), type: "event", kind: "text", event: outcome.result });
    const note = outcome.result === "held" ? outcome.note : undefined;
    await this.push({ t: "event", id: c.id, key: note?.key ?? (outcome.result === "blocked" ? "case-staff-blocked" : "case-staff-undelivered"), ...(note ? { args: note.args } : {}) });
  }
}

function same(a: Actor, b: Actor): boolean {
  return a.kind === b.kind && a.id === b.id;
}
