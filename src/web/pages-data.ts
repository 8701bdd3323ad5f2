import type { RedisStats } from "../stats/redis-stats.ts";
import { TAKE_BUCKETS } from "../stats/plan.ts";
import type { Chart, PageModel, Table } from "./model.ts";
import { addDays, monthDays, weekOf, type Period } from "./period.ts";

type Days = Map<string, Record<string, number>>;

/** Sum of each field with `prefix` over the days, the prefix cut off; largest first. */
export function byPrefix(days: Days, prefix: string): [string, number][] {
  const sums = new Map<string, number>();
  for (const counts of days.values()) {
    for (const [field, n] of Object.entries(counts)) {
      if (field.startsWith(prefix)) sums.set(field.slice(prefix.length), (sums.get(field.slice(prefix.length)) ?? 0) + n);
    }
  }
  return [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The days as whole months (their month HyperLogLogs, far fewer to merge) and the days left over. */
function wholeMonths(days: readonly string[]): { days: string[]; months: string[] } {
  const byMonth = new Map<string, string[]>();
  for (const d of days) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
  const out = { days: [] as string[], months: [] as string[] };
  for (const [month, inMonth] of byMonth) {
    if (inMonth.length === monthDays(month).length) out.months.push(month);
    else out.days.push(...inMonth);
  }
  return out;
}

const total = (days: Days, field: string): number => [...days.values()].reduce((s, c) => s + (c[field] ?? 0), 0);
const series = (days: Days, field: string): number[] => [...days.values()].map((c) => c[field] ?? 0);
const table = (id: string, head: string[], rows: [string, number][], small = true): Table => ({
  id,
  title: `web-t-${id}`,
  head,
  rows,
  ...(small ? { small: [1] } : {}),
});

/** Overview: people reached, by language, channel and source; busiest hours. */
export async function overviewModel(stats: RedisStats, period: Period, today: string): Promise<PageModel> {
  const days = await stats.days(period.days, period.today);
  const week = Array.from({ length: 7 }, (_, i) => addDays(today, -i));
  const [inPeriod, day, inWeek, month] = await stats.uniques([wholeMonths(period.days), { days: [today] }, { days: week }, { months: [today.slice(0, 7)] }]);
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));
  const byHour = new Map(byPrefix(days, "h:"));
  const charts: Chart[] = [
    { id: "daily", title: "web-c-daily", kind: "line", x: period.days, series: [{ label: "web-s-people", values: series(days, "u") }, { label: "web-s-messages", values: series(days, "m") }] },
    { id: "hours", title: "web-c-hours", kind: "bars", x: hours, series: [{ label: "web-s-messages", values: hours.map((h) => byHour.get(h) ?? 0) }] },
  ];
  return {
    figures: [
      { label: "web-f-today", value: day ?? 0, people: true },
      { label: "web-f-week", value: inWeek ?? 0, people: true },
      { label: "web-f-month", value: month ?? 0, people: true },
      { label: "web-f-period", value: inPeriod ?? 0, people: true },
      { label: "web-f-messages", value: total(days, "m") },
    ],
    charts,
    tables: [
      table("languages", ["web-h-language", "web-h-people-days"], byPrefix(days, "u:lang:")),
      table("channels", ["web-h-channel", "web-h-people-days"], byPrefix(days, "u:ch:")),
      table("sources", ["web-h-source", "web-h-people"], byPrefix(days, "src:")),
      table("hours", ["web-h-hour", "web-h-messages"], hours.map((h) => [h, byHour.get(h) ?? 0]), false),
    ],
    notes: [{ id: "web-note-people" }],
  };
}

/** Knowledge: most-read articles, unanswered questions (grouped by their words), answers by language. */
export async function knowledgeModel(stats: RedisStats, period: Period, title: (id: string) => string): Promise<PageModel> {
  const days = await stats.days(period.days, period.today);
  const read = new Map(byPrefix(days, "art:lang:"));
  const missed = new Map(byPrefix(days, "miss:lang:"));
  const langs = [...new Set([...read.keys(), ...missed.keys()])].sort();
  return {
    figures: [
      { label: "web-f-articles-read", value: [...read.values()].reduce((s, n) => s + n, 0) },
      { label: "web-f-misses", value: total(days, "miss") },
    ],
    charts: [],
    tables: [
      { id: "articles", title: "web-t-articles", head: ["web-h-article", "web-h-id", "web-h-reads"], rows: byPrefix(days, "art:").filter(([id]) => !id.startsWith("lang:")).map(([id, n]) => [title(id), id, n]), small: [2] },
      table("questions", ["web-h-words", "web-h-times"], byPrefix(days, "q:").slice(0, 100)),
      {
        id: "langs",
        title: "web-t-langs",
        head: ["web-h-language", "web-h-reads", "web-h-misses", "web-h-miss-share"],
        rows: langs.map((l) => {
          const r = read.get(l) ?? 0;
          const m = missed.get(l) ?? 0;
          return [l, r, m, r + m ? `${Math.round((100 * m) / (r + m))}%` : "—"];
        }),
        small: [1, 2],
      },
    ],
  };
}

/** Job checks: per week by risk, red flags, agency look-ups. */
export async function checksModel(stats: RedisStats, period: Period): Promise<PageModel> {
  const days = await stats.days(period.days, period.today);
  const weeks = new Map<string, Record<string, number>>();
  for (const [day, counts] of days) {
    const w = weeks.get(weekOf(day)) ?? {};
    for (const [field, n] of Object.entries(counts)) {
      const risk = /^chk:\w+:(\w+)$/.exec(field)?.[1];
      if (risk) w[risk] = (w[risk] ?? 0) + n;
    }
    weeks.set(weekOf(day), w);
  }
  const risks = ["high", "medium", "low"];
  const x = [...weeks.keys()];
  return {
    figures: [
      { label: "web-f-checks", value: byPrefix(days, "chk:").reduce((s, [, n]) => s + n, 0) },
      { label: "web-f-agency", value: total(days, "agency") },
    ],
    charts: [{ id: "weekly", title: "web-c-checks", kind: "line", x, series: risks.map((r) => ({ label: `web-s-risk-${r}`, values: x.map((w) => weeks.get(w)?.[r] ?? 0) })) }],
    tables: [
      { id: "weeks", title: "web-t-weeks", head: ["web-h-week", "web-h-risk-high", "web-h-risk-medium", "web-h-risk-low"], rows: x.map((w) => [w, ...risks.map((r) => weeks.get(w)?.[r] ?? 0)]), small: [1, 2, 3] },
      table("modes", ["web-h-mode", "web-h-checks"], byPrefix(days, "chk:")),
      table("flags", ["web-h-flag", "web-h-times"], byPrefix(days, "flag:")),
    ],
  };
}

/** Hotline: cases per day, time to take against the SLA, outcomes, feedback; per consultant for admins. */
export async function hotlineModel(stats: RedisStats, period: Period, options: { slaMinutes: number; admin: boolean; open: { id: number; ageMinutes: number; status: string }[] }): Promise<PageModel> {
  const days = await stats.days(period.days, period.today);
  const taken = total(days, "take:n");
  const avg = taken ? Math.round(total(days, "take:ms") / taken / 60_000) : 0;
  const fb = byPrefix(days, "fb:");
  const fbCount = fb.reduce((s, [, n]) => s + n, 0);
  const fbAvg = fbCount ? (fb.reduce((s, [k, n]) => s + Number(k) * n, 0) / fbCount).toFixed(1) : "—";
  const consultants = new Map<string, number[]>();
  for (const [i, prefix] of ["cc:t:", "cc:c:", "cc:fb:", "cc:fbn:"].entries()) {
    for (const [name, n] of byPrefix(days, prefix)) {
      const row = consultants.get(name) ?? [0, 0, 0, 0];
      row[i] = n;
      consultants.set(name, row);
    }
  }
  const tables: Table[] = [
    { id: "cases", title: "web-t-cases", head: ["web-h-day", "web-h-opened", "web-h-taken", "web-h-closed"], rows: period.days.map((d) => [d, days.get(d)?.["case:opened"] ?? 0, days.get(d)?.["case:taken"] ?? 0, days.get(d)?.["case:closed"] ?? 0]), small: [1, 2, 3] },
    table("take", ["web-h-minutes", "web-h-cases"], [...TAKE_BUCKETS.map(String), "more"].map((b) => [b === "more" ? `> ${TAKE_BUCKETS.at(-1)}` : `≤ ${b}`, total(days, `take:b:${b}`)])),
    { id: "open", title: "web-t-open", head: ["web-h-case", "web-h-status", "web-h-age"], rows: options.open.map((c) => [c.id, c.status, c.ageMinutes]) },
    table("outcomes", ["web-h-outcome", "web-h-cases"], byPrefix(days, "out:")),
    table("feedback", ["web-h-score", "web-h-answers"], ["1", "2", "3", "4", "5"].map((k) => [k, fb.find(([s]) => s === k)?.[1] ?? 0])),
  ];
  if (options.admin) {
    tables.push({
      id: "consultants",
      title: "web-t-consultants",
      head: ["web-h-consultant", "web-h-taken", "web-h-closed", "web-h-feedback"],
      rows: [...consultants].map(([name, [t, c, sum, n]]) => [name, t ?? 0, c ?? 0, n ? ((sum ?? 0) / n).toFixed(1) : "—"]),
    });
  }
  return {
    figures: [
      { label: "web-f-opened", value: total(days, "case:opened") },
      { label: "web-f-avg-take", value: taken ? avg : "—" },
      { label: "web-f-within-sla", value: taken ? `${Math.round((100 * total(days, "take:sla")) / taken)}%` : "—" },
      { label: "web-f-open-now", value: options.open.length },
      { label: "web-f-feedback", value: fbAvg },
    ],
    charts: [
      {
        id: "cases",
        title: "web-c-cases",
        kind: "line",
        x: period.days,
        series: [
          { label: "web-s-opened", values: series(days, "case:opened") },
          { label: "web-s-taken", values: series(days, "case:taken") },
          { label: "web-s-closed", values: series(days, "case:closed") },
        ],
      },
    ],
    tables,
    notes: [{ id: "web-note-sla", args: { minutes: options.slaMinutes } }],
  };
}

/** Alerts (admins): messages delivered and blocked, and the unsubscribes, per day. */
export async function alertsModel(stats: RedisStats, period: Period): Promise<PageModel> {
  const days = await stats.days(period.days, period.today);
  return {
    figures: [
      { label: "web-f-alert-sent", value: total(days, "alert:sent") },
      { label: "web-f-alert-blocked", value: total(days, "alert:blocked") },
      { label: "web-f-unsub", value: total(days, "unsub") },
    ],
    charts: [],
    tables: [
      {
        id: "alerts",
        title: "web-t-alerts",
        head: ["web-h-day", "web-h-sent", "web-h-blocked", "web-h-unsub"],
        rows: period.days.map((d) => [d, days.get(d)?.["alert:sent"] ?? 0, days.get(d)?.["alert:blocked"] ?? 0, days.get(d)?.unsub ?? 0]).filter((r) => r.slice(1).some((n) => n !== 0)),
        small: [1, 2, 3],
      },
    ],
  };
}
