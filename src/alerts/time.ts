/**
 * Times for alerts in the user-facing time zone (`HOTLINE_TIMEZONE`): quiet hours and the
 * "send at" time staff type.
 */

/** Quiet hours as minutes of the day; `from > to` spans midnight (22:00-08:00). */
export interface QuietHours {
  from: number;
  to: number;
}

/** `22:00-08:00` → minutes; empty → null (no quiet hours). */
export function parseQuietHours(spec: string): QuietHours | null {
  const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(spec.trim());
  if (!m) return null;
  return { from: Number(m[1]) * 60 + Number(m[2]), to: Number(m[3]) * 60 + Number(m[4]) };
}

/** The wall-clock parts of `at` in `timeZone`. */
function wall(at: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get("year"), mo: get("month"), d: get("day"), h: get("hour"), mi: get("minute") };
}

/** True when `at` falls in the quiet hours in `timeZone`. */
export function isQuiet(quiet: QuietHours | null, at: number, timeZone: string): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const { h, mi } = wall(at, timeZone);
  const minute = h * 60 + mi;
  return quiet.from < quiet.to ? minute >= quiet.from && minute < quiet.to : minute >= quiet.from || minute < quiet.to;
}

/** The local day in `timeZone` as YYYY-MM-DD (the WhatsApp daily cap's day). */
export function localDay(at: number, timeZone: string): string {
  const { y, mo, d } = wall(at, timeZone);
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A time staff typed, in `timeZone`: `YYYY-MM-DD HH:MM`, or `HH:MM` (today; tomorrow if that
 * passed), or an ISO time with its own offset. Null when it is none of these.
 */
export function parseSendTime(text: string, now: number, timeZone: string): number | null {
  const value = text.trim();
  if (/[zZ]$|[+-]\d\d:\d\d$/.test(value)) {
    const at = Date.parse(value);
    return Number.isNaN(at) ? null : at;
  }
  let m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)$/.exec(value);
  if (m) return fromWall(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), timeZone);
  m = /^(\d\d?):(\d\d)$/.exec(value);
  if (!m) return null;
  const today = wall(now, timeZone);
  const at = fromWall(today.y, today.mo, today.d, Number(m[1]), Number(m[2]), timeZone);
  if (at === null) return null;
  return at > now ? at : at + 86_400_000;
}

/** Epoch ms of a wall-clock time in `timeZone` (two passes settle the zone's offset). */
function fromWall(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const target = Date.UTC(y, mo - 1, d, h, mi);
  let at = target;
  for (let i = 0; i < 2; i++) {
    const w = wall(at, timeZone);
    at += target - Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
  }
  return at;
}
