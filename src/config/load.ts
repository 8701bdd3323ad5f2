import { existsSync } from "node:fs";
import type { z } from "zod";
import { ConfigSchema, SECRET_KEYS, type Config } from "./schema.ts";
import { ConfigError } from "./error.ts";
import { contentDir } from "../core/paths.ts";

export { ConfigError };

/**
 * Read the settings from `env` (default `process.env`, after loading `.env` if present).
 * Empty strings count as unset. Throws `ConfigError` listing every bad variable.
 *
 * @example
 * const config = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" });
 */
export function loadConfig(env: Record<string, string | undefined> = readEnv()): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") input[key] = value;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (parsed.success) {
    const config = parsed.data;
    const problems = crossChecks(config);
    if (problems.length) throw new ConfigError(problems);
    return { ...config, FLOWS_DIR: contentDir(config.FLOWS_DIR), LOCALES_DIR: contentDir(config.LOCALES_DIR) };
  }
  // One problem per variable: the first check it fails says the most (the form before the details).
  const first = parsed.error.issues.filter((issue, i, all) => all.findIndex((other) => other.path[0] === issue.path[0]) === i);
  const problems = first.map((issue) => {
    const key = String(issue.path[0] ?? "?");
    const found = input[key];
    const shown = found === undefined ? "nothing" : SECRET_KEYS.has(key) ? "a value (hidden)" : JSON.stringify(found);
    return `${key}: expected ${expectation(issue)}, found ${shown}`;
  });
  throw new ConfigError(problems);
}

/** Rules between variables, each problem naming the variable to change. */
function crossChecks(config: Config): string[] {
  const problems: string[] = [];
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    problems.push("TELEGRAM_WEBHOOK_SECRET: expected a secret when TELEGRAM_WEBHOOK_URL is set (webhook requests must be authenticated), found nothing");
  }
  const modes = (["REDIS_URL", "REDIS_SENTINELS", "REDIS_CLUSTER_NODES"] as const).filter((key) => config[key] !== undefined);
  if (modes.length > 1) {
    problems.push(`${modes[1]}: expected only one of REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES (one Redis, one way to reach it), found ${modes.join(" and ")} set; unset all but one`);
  }
  if (config.REDIS_SENTINELS && !config.REDIS_SENTINEL_NAME) {
    problems.push("REDIS_SENTINEL_NAME: expected the name the sentinels monitor the primary under (sentinel.conf: sentinel monitor NAME ...) when REDIS_SENTINELS is set, found nothing");
  }
  for (const key of ["REDIS_SENTINEL_NAME", "REDIS_SENTINEL_PASSWORD"] as const) {
    if (config[key] !== undefined && !config.REDIS_SENTINELS) problems.push(`${key}: set, but REDIS_SENTINELS is not; set REDIS_SENTINELS too or unset ${key}`);
  }
  if (config.REDIS_PASSWORD !== undefined && !config.REDIS_SENTINELS && !config.REDIS_CLUSTER_NODES) {
    problems.push("REDIS_PASSWORD: applies to Sentinel or Cluster mode only; with REDIS_URL put the password in the URL (redis://:PASSWORD@host:6379)");
  }
  if (config.TELEGRAM_WEBHOOK_URL && config.OPS_PORT !== 0 && config.OPS_PORT === config.TELEGRAM_WEBHOOK_PORT) {
    problems.push(`OPS_PORT: expected a port other than TELEGRAM_WEBHOOK_PORT (both cannot listen on it), found "${config.OPS_PORT}"`);
  }
  if (config.WHATSAPP_ENABLED && config.WHATSAPP_AUTH === "remote" && !(config.REDIS_URL || config.REDIS_SENTINELS || config.REDIS_CLUSTER_NODES)) {
    problems.push('WHATSAPP_AUTH: expected "local" when no Redis is set (remote keeps the WhatsApp session in Redis: set REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES), found "remote"');
  }
  problems.push(...whatsAppCloudChecks(config));
  const [from = "", to = ""] = config.HOTLINE_HOURS.split("-");
  if (from >= to) problems.push(`HOTLINE_HOURS: expected the opening time before the closing time, found "${config.HOTLINE_HOURS}"`);
  return problems;
}

/** The WhatsApp Cloud transport (WHATSAPP_TRANSPORT=cloud): the settings it cannot run without. */
function whatsAppCloudChecks(config: Config): string[] {
  if (config.WHATSAPP_TRANSPORT !== "cloud") return [];
  const problems: string[] = [];
  const needed = {
    WHATSAPP_CLOUD_TOKEN: "the access token of the Meta app's system user",
    WHATSAPP_PHONE_NUMBER_ID: "the Phone number ID from WhatsApp → API Setup",
    WHATSAPP_APP_SECRET: "the App secret from the Meta app's Settings → Basic (webhooks are checked with it)",
    WHATSAPP_VERIFY_TOKEN: "the Verify token typed into the Meta app's webhook settings",
  } as const;
  for (const [key, what] of Object.entries(needed)) {
    if (config[key as keyof typeof needed] === undefined) problems.push(`${key}: expected ${what} when WHATSAPP_TRANSPORT=cloud, found nothing (docs/whatsapp.md)`);
  }
  if (config.WHATSAPP_ENABLED) {
    problems.push("WHATSAPP_ENABLED: expected 0 when WHATSAPP_TRANSPORT=cloud (one number, one transport: unset WHATSAPP_ENABLED or set WHATSAPP_TRANSPORT=web), found 1");
  }
  if (config.OPS_PORT !== 0 && config.OPS_PORT === config.WHATSAPP_WEBHOOK_PORT) {
    problems.push(`OPS_PORT: expected a port other than WHATSAPP_WEBHOOK_PORT (both cannot listen on it), found "${config.OPS_PORT}"`);
  }
  if (config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_PORT === config.WHATSAPP_WEBHOOK_PORT) {
    problems.push(`WHATSAPP_WEBHOOK_PORT: expected a port other than TELEGRAM_WEBHOOK_PORT (both cannot listen on it), found "${config.WHATSAPP_WEBHOOK_PORT}"`);
  }
  return problems;
}

/** What a variable should hold, in words: the schema's own message, or zod's default one made readable. */
function expectation(issue: z.core.$ZodIssue): string {
  const generic = /^(Too small|Too big|Invalid option|Invalid input)/.test(issue.message);
  if (generic && issue.code === "too_small" && issue.origin === "number") {
    return `a number ${issue.inclusive === false ? "above" : "of at least"} ${issue.minimum}`;
  }
  if (generic && issue.code === "too_big" && issue.origin === "number") {
    return `a number ${issue.inclusive === false ? "below" : "of at most"} ${issue.maximum}`;
  }
  if (generic && issue.code === "invalid_value") {
    return `one of ${issue.values
      .filter((v) => v !== "")
      .map((v) => String(v))
      .join(", ")}`;
  }
  return issue.message.replace(/^Invalid input: /, "");
}

function readEnv(): Record<string, string | undefined> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  return process.env;
}

/** The effective settings as printable lines, secrets masked. */
export function describeConfig(config: Config): string[] {
  return Object.keys(ConfigSchema.shape).map((key) => {
    const value = (config as Record<string, unknown>)[key];
    const shown =
      value === undefined ? "(unset)" : SECRET_KEYS.has(key)
          ? mask(String(value))
          : Array.isArray(value)
            ? value.map(listItem).join(",")
            : typeof value === "object" && value !== null
              ? Object.entries(value).map(([k, v]) => `${k}=${templateItem(v)}`).join(",")
              : String(value);
    return `${key}=${shown}`;
  });
}

/** A list entry as it was written: an id, or a `{ host, port }` as host:port. */
function listItem(item: unknown): string {
  if (typeof item === "object" && item !== null && "host" in item && "port" in item) return `${String(item.host)}:${String(item.port)}`;
  return String(item);
}

/** A WHATSAPP_TEMPLATES entry as it was written: name@code. */
function templateItem(item: unknown): string {
  if (typeof item === "object" && item !== null && "name" in item && "code" in item) return `${String(item.name)}@${String(item.code)}`;
  return String(item);
}

function mask(value: string): string {
  if (value.startsWith("redis")) return value.replace(/\/\/([^@]*)@/, "//***@");
  return value.length <= 6 ? "***" : `${value.slice(0, 3)}***${value.slice(-2)}`;
}
