/**
 * Hotline working hours (`HOTLINE_HOURS`, `HOTLINE_DAYS`, `HOTLINE_TIMEZONE`), so that a user who
 * asks for a person at night is told when an answer can be expected. Pure: the time is passed in.
 *
 * @example
 * const hours = parseHours("09:00-18:00", "1,2,3,4,5", "Asia/Almaty");
 * if (!isOpen(hours, clock.now())) say("case-off-hours", nextOpening(hours, clock.now()));
 */
export interface Hours {
  /** Minutes after local midnight. `to` may be 1440 (24:00). */
  from: number;
  to: number;
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  days: Set<number>;
  timeZone: string;
}

export function parseHours(hours: string, days: string, timeZone: string): Hours {
  const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(hours);
  if (!m) throw new Error(`HOTLINE_HOURS must look like 09:00-18:00, got "${hours}"`);
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  if (to <= from) throw new Error(`HOTLINE_HOURS must end after it starts (overnight shifts are not supported), got "${hours}"`);
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw new Error(`HOTLINE_TIMEZONE "${timeZone}" is not a time zone name; use one like Asia/Almaty`);
  }
  return { from, to, days: new Set(days.split(",").map(Number)), timeZone };
}

interface Local {
  /** ISO weekday. */
  day: number;
  minute: number;
  /** The local wall-clock time read as if it were UTC (to compute the zone's offset). */
  asUtc: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function local(now: number, timeZone: string): Local {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(now))) p[part.type] = part.value;
  const hour = Number(p.hour) % 24;
  const minute = hour * 60 + Number(p.minute);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), hour, Number(p.minute));
  return { day: WEEKDAYS[p.weekday ?? "Mon"] ?? 1, minute, asUtc };
}

/** Whether the hotline is staffed at `now`. */
export function isOpen(hours: Hours, now: number): boolean {
  const l = local(now, hours.timeZone);
  return hours.days.has(l.day) && l.minute >= hours.from && l.minute < hours.to;
}

export interface Opening {
  /** Epoch milliseconds of the next opening. */
  at: number;
  /** "today", "tomorrow", or the ISO weekday as "d1".."d7" (for a Fluent select). */
  when: string;
  /** Local time of the opening, "09:00". */
  time: string;
}

/** The next time the hotline opens after `now` (or `now` itself when it is open). */
export function nextOpening(hours: Hours, now: number): Opening {
  const l = local(now, hours.timeZone);
  const offset = l.asUtc - Math.floor(now / 60_000) * 60_000; // local minus UTC, whole minutes
  const midnight = l.asUtc - l.minute * 60_000; // local midnight, as if UTC
  const time = `${String(Math.floor(hours.from / 60)).padStart(2, "0")}:${String(hours.from % 60).padStart(2, "0")}`;
  for (let d = 0; d <= 7; d++) {
    const day = ((l.day - 1 + d) % 7) + 1;
    if (!hours.days.has(day)) continue;
    if (d === 0 && l.minute >= hours.to) continue;
    if (d === 0 && l.minute >= hours.from) return { at: now, when: "today", time };
    const at = midnight + d * 86_400_000 + hours.from * 60_000 - offset;
    return { at, when: d === 0 ? "today" : d === 1 ? "tomorrow" : `d${day}`, time };
  }
  return { at: now, when: "today", time }; // no working days configured: say nothing misleading
}
