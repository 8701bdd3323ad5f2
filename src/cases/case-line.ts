import type { Case } from "./types.ts";

/**
 * One line about a case for the staff's lists (`/cases` in the staff group, `list` at the
 * console desk): number, status, priority, language, channel, reason, minutes open, assignee,
 * every word in the staff's language ("тадж.", not "TG", next to the channel's name).
 */
export function caseLine(c: Case, t: (id: string, args?: Record<string, string | number>) => string, now: number): string {
  return (
    t("case-desk-line", {
      id: c.id,
      status: t("case-staff-status", { status: c.status }),
      priority: t("case-staff-priority", { priority: c.priority }),
      lang: t("case-staff-lang", { lang: c.lang }),
      channel: c.user.channel,
      reason: t("case-staff-reason", { reason: c.reason }),
      age: Math.max(0, Math.round((now - c.opened) / 60_000)),
    }) + (c.assignee ? ` · ${c.assignee.name}` : "")
  );
}
