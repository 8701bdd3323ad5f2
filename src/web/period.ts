/** A period of days (`YYYY-MM-DD`, both ends included), read from `?from=&to=`. */
export interface Period {
  from: string;
  to: string;
  days: string[];
  /** Today (the hotline's time zone): days before it may be read from a short cache. */
  today?: string;
}

const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Days from `from` to `to`. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 800; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The period asked for, or the last 30 days up to `today`; at most 400 days, never after today. */
export function periodOf(query: { from?: string; to?: string }, today: string): Period {
  let to = query.to && ISO.test(query.to) && !Number.isNaN(Date.parse(query.to)) ? query.to : today;
  if (to > today) to = today;
  let from = query.from && ISO.test(query.from) && !Number.isNaN(Date.parse(query.from)) ? query.from : addDays(to, -29);
  if (from > to) from = to;
  if (from < addDays(to, -399)) from = addDays(to, -399);
  return { from, to, days: daysBetween(from, to), today };
}

/** The month (`YYYY-MM`) of a day and its days. */
export function monthDays(month: string): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return daysBetween(`${month}-01`, `${month}-${String(last).padStart(2, "0")}`);
}

/** The Monday (ISO week start) of a day. */
export function weekOf(day: string): string {
  const wd = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -wd);
}
