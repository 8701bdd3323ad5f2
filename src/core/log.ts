import { createHmac, randomBytes } from "node:crypto";
import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";

/**
 * Structured logging with pino: one JSON line per event on stderr (`{"level","t","msg",...}`),
 * or readable lines when stderr is a terminal. Invariant 7 of DESIGN.md: never log message text
 * or phone numbers — log ids, kinds and counts. As a second line of defence, fields named like
 * message texts, phone numbers or secrets are redacted, and bot tokens and URL passwords are cut
 * out of every string value.
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

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go (one line per call, no newline); default stderr. Tests pass an array push. */
  write?: (line: string) => void;
  /**
   * Readable lines (`[jol] warn: message (key=value)`) instead of JSON. Default: when stderr is a
   * terminal and `write` is not given. The console chat and desk always ask for it.
   */
  pretty?: boolean;
  fields?: LogFields;
}

/** Field names whose values are never written: message texts, phone numbers, secrets. */
export const REDACTED_FIELDS = ["text", "body", "caption", "phone", "phoneNumber", "number", "token", "secret", "password"];

const BOT_TOKEN = /\b(bot)?\d{5,}:[\w-]{20,}/g;
const URL_PASSWORD = /(\w+:\/\/)[^/\s:@]*:[^/\s@]*@/g;

/** Cut bot tokens and URL credentials out of a string (`redis://u:pw@h` → `redis://***@h`). */
export function scrub(value: string): string {
  return value.replace(BOT_TOKEN, (_m, bot: string | undefined) => `${bot ?? ""}***`).replace(URL_PASSWORD, "$1***@");
}

function clean(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] = REDACTED_FIELDS.includes(key) ? "[redacted]" : typeof value === "string" ? scrub(value) : value;
  }
  return out;
}

/** The readable line of one JSON log record. */
function prettyLine(record: string): string {
  const { level, msg, t: _t, ...rest } = JSON.parse(record) as Record<string, unknown>;
  const extra = Object.entries(rest)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
  return `[jol] ${String(level)}: ${String(msg)}${extra ? ` (${extra})` : ""}`;
}

function destination(options: LoggerOptions): DestinationStream {
  const pretty = options.pretty ?? (!options.write && process.stderr.isTTY === true);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  return { write: (record: string) => write(pretty ? prettyLine(record) : record.replace(/\n$/, "")) };
}

function wrap(logger: PinoLogger): Logger {
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (msg: string, fields?: LogFields): void => {
      if (logger.isLevelEnabled(level)) logger[level](fields ? clean(fields) : {}, scrub(msg));
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), child: (fields) => wrap(logger.child(clean(fields))) };
}

/** A logger at `level` (default info). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const logger = pino(
    {
      level: options.level ?? "info",
      base: options.fields ? clean(options.fields) : null,
      messageKey: "msg",
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination(options),
  );
  return wrap(logger);
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
