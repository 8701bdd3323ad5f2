import type { Clock } from "../core/clock.ts";
import type { Logger } from "../core/log.ts";
import type { CaseService } from "./service.ts";

/**
 * Reminds the staff of cases nobody took: after `HOTLINE_SLA_MINUTES` in the general topic, after
 * twice that to the admins. Driven by a sorted set of due times (`case:sla`, member `<id>:<level>`),
 * so reminders survive restarts and several processes never send one twice (the one whose `zrem`
 * removed the member sends it). `tick()` is the whole job; `start()` only calls it on a timer.
 *
 * @example
 * const sla = new SlaScheduler(cases, clock, log);
 * clock.advance(31 * 60_000); await sla.tick(); // the reminder is queued
 */
export class SlaScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly cases: CaseService,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Send the reminders that are due. Returns how many were queued. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (const { id, level } of await this.cases.cases.claimDueReminders(now, 100)) {
      const c = await this.cases.cases.get(id);
      if (!c || c.status !== "waiting") continue;
      const minutes = Math.round((now - c.opened) / 60_000);
      if (level === 1) {
        await this.cases.push({ t: "general", key: "case-staff-sla", args: { id, minutes }, id });
        // Twice the SLA from the same start (opening, or the morning after a night case).
        await this.cases.cases.scheduleReminder(id, 2, now + this.cases.slaMs());
      } else {
        await this.cases.push({ t: "general", key: "case-staff-sla-admins", args: { id, minutes }, id, admins: true });
      }
      this.log.info("case SLA reminder", { case: id, level });
      sent++;
    }
    return sent;
  }

  start(intervalMs = 15_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: Error) => this.log.error("SLA tick failed", { error: error.message }))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
