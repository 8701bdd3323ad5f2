import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Config } from "../config/schema.ts";
import type { Store } from "../store/store.ts";

/** Who may open the dashboard: admins see per-consultant figures and the alerts; operators the rest. */
export type WebRole = "admin" | "operator";

export interface WebSession {
  /** The staff member's Telegram user id (staff, not a migrant). */
  id: number;
  role: WebRole;
  csrf: string;
}

export const LINK_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 12 * 3_600_000;
/** Sign-in attempts per address per minute. */
export const SIGN_IN_LIMIT = 10;

const linkKey = (token: string) => `web:link:${token}`;
const sessionKey = (sid: string) => `web:sess:${sid}`;
const attemptsKey = (who: string) => `web:try:${who}`;

/** The role a Telegram user has now (from TELEGRAM_ADMIN_IDS / TELEGRAM_OPERATOR_IDS), or null. */
export function roleOf(config: Pick<Config, "TELEGRAM_ADMIN_IDS" | "TELEGRAM_OPERATOR_IDS">, id: number): WebRole | null {
  if (config.TELEGRAM_ADMIN_IDS.includes(id)) return "admin";
  if (config.TELEGRAM_OPERATOR_IDS.includes(id)) return "operator";
  return null;
}

/** A random token for a link, a session or a CSRF check (32 bytes, base64url). */
const token = (): string => randomBytes(32).toString("base64url");

/** Equal strings, compared in constant time. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sign-in without passwords: a one-time link (random token in the store, 10 minutes, deleted on
 * use), then a session (random id in an HttpOnly cookie, 12 hours). The role is checked again
 * against the settings on every request, so removing an id from the lists signs the person out.
 */
export class WebAuth {
  constructor(
    private readonly store: Store,
    private readonly config: Pick<Config, "TELEGRAM_ADMIN_IDS" | "TELEGRAM_OPERATOR_IDS">,
  ) {}

  /** A one-time sign-in token for a staff member, or null if they are not staff. */
  async createLink(id: number): Promise<string | null> {
    if (!roleOf(this.config, id)) return null;
    const t = token();
    await this.store.set(linkKey(t), String(id), LINK_TTL_MS);
    return t;
  }

  /** Use a link: its session id, or null when the token is unknown, used or expired. */
  async useLink(t: string): Promise<string | null> {
    if (!/^[\w-]{43}$/.test(t)) return null;
    const [value] = await this.store.batch([
      { op: "get", key: linkKey(t) },
      { op: "delete", key: linkKey(t) },
    ]);
    const id = Number(value);
    if (typeof value !== "string" || !roleOf(this.config, id)) return null;
    const sid = token();
    await this.store.set(sessionKey(sid), JSON.stringify({ id, csrf: token() }), SESSION_TTL_MS);
    return sid;
  }

  /** The session of a cookie value, with the role as the settings say now; null if none. */
  async session(sid: string | undefined): Promise<WebSession | null> {
    if (!sid || !/^[\w-]{43}$/.test(sid)) return null;
    const raw = await this.store.get(sessionKey(sid));
    if (!raw) return null;
    const { id, csrf } = JSON.parse(raw) as { id: number; csrf: string };
    const role = roleOf(this.config, id);
    return role ? { id, role, csrf } : null;
  }

  async signOut(sid: string): Promise<void> {
    await this.store.delete(sessionKey(sid));
  }

  /** Count a sign-in attempt from `who`; false once there were more than `SIGN_IN_LIMIT` this minute. */
  async allowAttempt(who: string): Promise<boolean> {
    const n = await this.store.incr(attemptsKey(who));
    if (n === 1) await this.store.expire(attemptsKey(who), 60_000);
    return n <= SIGN_IN_LIMIT;
  }
}
