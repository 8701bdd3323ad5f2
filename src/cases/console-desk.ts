import type { Writable } from "node:stream";
import type { Config } from "../config/schema.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Clock } from "../core/clock.ts";
import type { CaseService } from "./service.ts";
import { caseLine } from "./case-line.ts";
import { NotAllowedError, OUTCOMES, type Actor, type Case, type LogEntry, type Outcome } from "./types.ts";

/**
 * `jol desk`: the consultants' side in a terminal, on the same `CaseService` (and Redis) as the
 * bot, so the whole cycle can be tried without Telegram — typically with `jol chat --user ID` in
 * another terminal. Lines starting with `/` are desk commands; anything else is a message to the
 * user of the current case (sent only if you have it; otherwise kept as an internal note, as in
 * the Telegram group).
 *
 * Commands: `/list`, `/take N`, `/show N`, `/note text`, `/tpl [name]`, `/transfer`,
 * `/close [outcome]`, `/reopen N`, `/help`, `/quit`.
 *
 * @example
 * const desk = new ConsoleDesk(cases, { i18n, config, clock, out: process.stdout, actor });
 * await desk.line("/take 12"); await desk.line("Hello!"); await desk.poll();
 */
export class ConsoleDesk {
  /** The case the desk is looking at. */
  current: number | undefined;
  /** How many log entries of the current case were printed. */
  private seen = 0;
  /** Set by `/quit`. */
  quit = false;

  constructor(
    private readonly cases: CaseService,
    private readonly o: { i18n: Localizer; config: Config; clock: Clock; out: Writable; actor: Actor },
  ) {}

  private t(id: string, args?: Record<string, string | number>): string {
    return this.o.i18n.t(this.o.config.HOTLINE_STAFF_LANG, id, args);
  }

  private print(...lines: string[]): void {
    for (const line of lines) this.o.out.write(`${line}\n`);
  }

  /** Handle one typed line. Never throws for a user mistake: it says what to do instead. */
  async line(raw: string): Promise<void> {
    const text = raw.trim();
    if (!text) return;
    try {
      await this.handle(text);
    } catch (error) {
      if (error instanceof NotAllowedError) this.print(this.t("case-staff-not-allowed"));
      else throw error;
    }
  }

  private async handle(text: string): Promise<void> {
    const command = /^\/([a-z-]+)(?:\s+([\s\S]*))?$/i.exec(text);
    if (!command) {
      if (this.current === undefined) return this.print(this.t("case-desk-pick"));
      const result = await this.cases.say(this.current, this.o.actor, { text });
      if (result === "internal") this.print(this.t("case-desk-internal"));
      else if (result !== "sent") this.print(this.t(result === "blocked" ? "case-staff-blocked" : result === "closed" ? "case-staff-is-closed" : "case-staff-undelivered"));
      return;
    }
    const name = command[1]!.toLowerCase();
    const arg = (command[2] ?? "").trim();
    const id = /^#?(\d+)$/.exec(arg) ? Number(arg.replace("#", "")) : undefined;
    switch (name) {
      case "list":
        return this.list();
      case "take": {
        const target = id ?? this.current;
        if (target === undefined) return this.print(this.t("case-desk-pick"));
        const result = await this.cases.take(target, this.o.actor);
        if (!result.ok && result.reason === "taken") this.print(this.t("case-staff-has-it", { name: result.holder.name }));
        else if (!result.ok && (result.reason === "closed" || result.reason === "missing")) return this.print(this.t("case-staff-is-closed"));
        else this.print(this.t("case-desk-taken", { id: target }));
        return this.show(target);
      }
      case "show":
      case "open":
        if (id === undefined) return this.print(this.t("case-desk-pick"));
        return this.show(id);
      case "transfer": {
        if (this.current === undefined) return this.print(this.t("case-desk-pick"));
        const result = await this.cases.take(this.current, this.o.actor, { over: true });
        if (!result.ok && result.reason === "yours") return this.print(this.t("case-staff-yours"));
        if (!result.ok) return this.print(this.t("case-staff-is-closed"));
        return this.print(this.t("case-desk-taken", { id: this.current }));
      }
      case "note":
        if (this.current === undefined) return this.print(this.t("case-desk-pick"));
        if (!arg) return this.print(this.t("case-staff-note-empty"));
        await this.cases.note(this.current, this.o.actor, arg);
        return;
      case "tpl": {
        const names = this.cases.templates().join(", ");
        if (!arg) return this.print(this.t("case-staff-tpl-list", { names }));
        if (this.current === undefined) return this.print(this.t("case-desk-pick"));
        const result = await this.cases.template(this.current, this.o.actor, arg.toLowerCase());
        if (result === "unknown") this.print(this.t("case-staff-tpl-unknown", { name: arg, names }));
        else if (result === "not-assignee") this.print(this.t("case-staff-not-assignee"));
        else if (result !== "sent") this.print(this.t("case-staff-undelivered"));
        return;
      }
      case "close": {
        if (this.current === undefined) return this.print(this.t("case-desk-pick"));
        const outcome = arg.toLowerCase();
        if (!(OUTCOMES as readonly string[]).includes(outcome)) return this.print(this.t("case-desk-outcomes"));
        const closed = await this.cases.close(this.current, this.o.actor, outcome as Outcome);
        if (!closed.ok) return this.print(this.t("case-staff-is-closed"));
        return this.print(this.t("case-staff-closed", { name: this.o.actor.name, outcome }));
      }
      case "reopen": {
        const target = id ?? this.current;
        if (target === undefined) return this.print(this.t("case-desk-pick"));
        const result = await this.cases.reopen(target, this.o.actor);
        if (!result.ok) return this.print(this.t(result.reason === "busy" ? "case-staff-reopen-busy" : "case-staff-reopen-open"));
        this.print(this.t("case-staff-reopened", { name: this.o.actor.name }));
        return this.show(target);
      }
      case "quit":
      case "exit":
        this.quit = true;
        return;
      case "help":
        return this.print(this.t("case-desk-title"), this.t("case-desk-outcomes"));
      default:
        return this.print(this.t("case-desk-unknown"));
    }
  }

  /** Print the open cases, oldest first. */
  async list(): Promise<void> {
    const open = await this.cases.list(this.o.actor);
    if (open.length === 0) return this.print(this.t("case-desk-empty"));
    for (const c of open) this.print(this.caseLine(c));
  }

  caseLine(c: Case): string {
    return caseLine(c, (id, args) => this.t(id, args), this.o.clock.now());
  }


  /** Make `id` the current case and print its summary and log so far. */
  async show(id: number): Promise<void> {
    const c = await this.cases.get(this.o.actor, id);
    if (!c) return this.print(this.t("case-staff-no-case"));
    this.current = id;
    this.seen = 0;
    this.print(this.caseLine(c));
    const summary = Object.entries(c.summary);
    if (summary.length > 0) this.print(this.t("case-staff-summary"), ...summary.map(([k, v]) => `  • ${this.t("case-staff-var", { name: k })}: ${v}`));
    if (c.desc) this.print(this.t("case-staff-desc"), `  ${c.desc}`);
    await this.poll();
  }

  /** Print what was added to the current case's log since the last look (the user's messages, events). */
  async poll(): Promise<void> {
    if (this.current === undefined) return;
    const entries = await this.cases.log(this.o.actor, this.current, this.seen);
    this.seen += entries.length;
    for (const e of entries) this.print(this.entryLine(e));
  }

  entryLine(e: LogEntry): string {
    const time = new Date(e.t).toISOString().slice(11, 16);
    switch (e.type) {
      case "user":
        return `${time} ${e.kind === "text" ? this.t("case-staff-user-says", { text: e.text ?? "" }) : this.t("case-staff-user-media", { kind: e.kind, text: e.text ?? "" })}`;
      case "staff":
        return `${time} → ${e.who ?? ""}: ${e.text ?? `[${e.kind}]`}`;
      case "note":
        return `${time} 📝 ${e.who ?? ""}: ${e.text ?? `[${e.kind}]`}`;
      case "event":
        return `${time} — ${e.event ?? ""}${e.who ? ` (${e.who})` : ""}${e.text ? `: ${e.text}` : ""}`;
    }
  }
}
