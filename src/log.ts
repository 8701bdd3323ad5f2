import { createHmac, randomBytes } from "node:crypto";

/**
 * A small structured logger: one JSON line per event on stderr.
 * Invariant 7 of DESIGN.md: never log message text or phone numbers — log ids, kinds and counts.
 *
 * @example
 * log.info("session reset", { user: hashId(key), reason });
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; default stderr. Tests pass an array push. */
  write?: (line: string) => void;
  /** Human-readable lines instead of JSON (the console chat). */
  pretty?: boolean;
  fields?: LogFields;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stderr.write(line + "\n"));
  const base = options.fields ?? {};
  const emit = (level: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields): void => {
    if (ORDER[level] < min) return;
    const all = { ...base, ...fields };
    if (options.pretty) {
      const extra = Object.entries(all)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(" ");
      write(`[jol] ${level}: ${msg}${extra ? ` (${extra})` : ""}`);
    } else {
      write(JSON.stringify({ t: new Date().toISOString(), level, msg, ...all }));
    }
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (benchmarks, some tests). */
export const silentLogger: Logger = createLogger({ level: "silent" });

let tagKey: Buffer = randomBytes(32);

/**
 * Key the user tags with `LOG_TAG_SECRET`, so one user's tag is the same in every process and
 * across restarts. Until it is called (tests, tools) a random key of this process is used: the
 * tags are still keyed, only not comparable between processes.
 */
export function setLogTagSecret(secret: string | undefined): void {
  tagKey = secret ? Buffer.from(secret, "utf8") : randomBytes(32);
}

/**
 * A short tag for a user key, so logs can follow one user without naming them: HMAC-SHA256 with
 * the log tag secret, cut to 12 characters. Unlike a plain hash it cannot be reversed by trying
 * every chat id or phone number without the secret.
 */
export function hashId(value: string): string {
  return createHmac("sha256", tagKey).update(value).digest("base64url").slice(0, 12);
}
