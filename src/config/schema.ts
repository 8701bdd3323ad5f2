import { z } from "zod";
import { LANGS } from "../core/lang.ts";

/**
 * Every setting Jol reads, as one zod schema over environment variables (and an optional `.env`
 * file). This is the single source of truth: `jol config` prints it, the README's configuration
 * table follows it, and a bad value stops start-up naming the variable, what was expected and
 * what was found.
 *
 * Each entry's `.describe()` is the one-line help shown by `jol config --help`.
 * `secret` variables are masked when printed.
 */

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/, "a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const idList = z
  .string()
  .regex(/^\s*(-?\d+\s*(,\s*-?\d+\s*)*)?$/, "a comma-separated list of numeric Telegram user ids, like 111,222")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map(Number),
  );

/** True for a time zone this Node.js knows (IANA names like Asia/Almaty; `Intl` is the judge). */
function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The database number in a Redis URL's path (`redis://host:6379/2` → 2); 0 when there is none. */
export function redisDatabase(url: string): number {
  const path = /^rediss?:\/\/[^/]*\/?([^?#]*)/.exec(url)?.[1] ?? "";
  return path === "" ? 0 : Number(path);
}

const host = z.string().regex(/^[\w.:[\]-]+$/, "a host name or IP address, like 127.0.0.1 or 0.0.0.0");


const hostPortList = z
  .string()
  .regex(/^\s*[\w.:[\]-]+:\d{1,5}\s*(,\s*[\w.:[\]-]+:\d{1,5}\s*)*$/, "a comma-separated list of host:port, like 10.0.0.1:26379,10.0.0.2:26379")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const at = s.lastIndexOf(":");
        return { host: s.slice(0, at).replace(/^\[|\]$/g, ""), port: Number(s.slice(at + 1)) };
      }),
  );

export const SECRET_KEYS = new Set([
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
  "REDIS_URL",
  "REDIS_PASSWORD",
  "REDIS_SENTINEL_PASSWORD",
  "WHATSAPP_CLOUD_TOKEN",
  "WHATSAPP_APP_SECRET",
  "WHATSAPP_VERIFY_TOKEN",
]);

/**
 * `WHATSAPP_TEMPLATES`: the approved template per language, `lang=name` or `lang=name@code`
 * (`code`: Meta's language code of the template when it is not the language's own, like en_US),
 * comma-separated: `ru=jol_message,en=jol_message@en_US`.
 */
const templateList = z
  .string()
  .regex(
    new RegExp(`^\\s*(${LANGS.join("|")})=[a-z0-9_]{1,512}(@[A-Za-z_]{2,6})?\\s*(,\\s*(${LANGS.join("|")})=[a-z0-9_]{1,512}(@[A-Za-z_]{2,6})?\\s*)*$`),
    `a comma-separated list of language=template_name (template names: lower case, digits and _), like ru=jol_message,en=jol_message@en_US; languages: ${LANGS.join(" ")}`,
  )
  .transform((v) => {
    const templates: Partial<Record<(typeof LANGS)[number], { name: string; code: string }>> = {};
    for (const item of v.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [lang = "", rest = ""] = item.split("=");
      const [name = "", code] = rest.split("@");
      templates[lang as (typeof LANGS)[number]] = { name, code: code ?? lang };
    }
    return templates;
  });

export const ConfigSchema = z.object({
  // --- core ---
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "a redis:// or rediss:// URL, like redis://127.0.0.1:6379/0")
    .refine((url) => URL.canParse(url), "a valid URL (special characters in the password percent-encoded, like %40 for @)")
    .refine((url) => /^rediss?:\/\/[^/]*(\/\d{0,5})?([?#].*)?$/.test(url), "a database number after the host, like redis://127.0.0.1:6379/0, or none")
    .optional()
    .describe("Redis connection URL. Unset: sessions live in memory and are lost on restart (demo only)."),
  REDIS_SENTINELS: hostPortList
    .optional()
    .describe("Sentinel mode instead of REDIS_URL: the sentinels, host:port comma-separated; with REDIS_SENTINEL_NAME."),
  REDIS_SENTINEL_NAME: z.string().regex(/^[\w.-]+$/, "letters, digits and . - _").optional().describe("Sentinel mode: the name the sentinels monitor the primary under (like mymaster)."),
  REDIS_SENTINEL_PASSWORD: z.string().optional().describe("Sentinel mode: password of the sentinels themselves, if they have one."),
  REDIS_CLUSTER_NODES: hostPortList
    .optional()
    .describe("Cluster mode instead of REDIS_URL: some Redis Cluster nodes, host:port comma-separated (the rest are discovered)."),
  REDIS_PASSWORD: z.string().optional().describe("Sentinel or Cluster mode: password of the Redis servers (single mode: put it in REDIS_URL)."),
  REDIS_WAIT_REPLICAS: int(0, 10)
    .default(0)
    .describe("Replicas that must confirm each saved conversation step before Jol answers (WAIT); 0: do not wait."),
  REDIS_WAIT_TIMEOUT_MS: int(1, 60000).default(500).describe("Longest wait for REDIS_WAIT_REPLICAS; after it Jol answers anyway and logs a warning."),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]*$/, "letters, digits and : . - _").default("jol:").describe("Prefix of every Redis key Jol writes."),
  SESSION_TTL_DAYS: int(1, 3650).default(30).describe("Days of inactivity after which a user's session is deleted."),
  DEFAULT_LANG: z.enum(LANGS).default("ru").describe("Language used before a user chooses one, when the platform gives no hint."),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info").describe("How much to log (never message texts)."),
  LOG_TAG_SECRET: z
    .string()
    .min(16, "at least 16 characters (jol start writes a random one into .env when it is missing)")
    .optional()
    .describe("Key of the user tags in logs (HMAC-SHA256); jol start generates one into .env when unset."),
  FLOWS_DIR: z.string().default("flows").describe("Folder of flow YAML files."),
  LOCALES_DIR: z.string().default("locales").describe("Folder of Fluent texts, one sub-folder per language."),

  // --- operations ---
  OPS_PORT: int(0, 65535).default(9091).describe("Port of the operations endpoints /healthz, /readyz and /metrics (jol start); 0 turns them off."),
  OPS_HOST: host.default("127.0.0.1").describe("Address the operations endpoints bind (0.0.0.0 inside a container, for the healthcheck and Prometheus)."),

  // --- statistics and dashboard (issue 16, docs/dashboard.md) ---
  STATS_RETENTION_DAYS: int(1, 3650).default(730).describe("Days the statistics' daily counters are kept (aggregates only: no user id, no message text)."),
  WEB_PORT: int(0, 65535).default(0).describe("Port of the staff dashboard (jol start); 0 (the default) turns it off. Sign in by sending /web to the bot."),
  WEB_HOST: host.default("127.0.0.1").describe("Address the dashboard binds (0.0.0.0 behind a reverse proxy in a container)."),
  WEB_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "an http(s) URL where staff open the dashboard, like https://stats.example.org/" })
    .optional()
    .describe("Public URL of the dashboard, for the /web sign-in links; https here (or X-Forwarded-Proto: https) makes the cookie Secure. Default http://WEB_HOST:WEB_PORT/."),
  CONTENT_REVIEW_DAYS: int(1, 3650).default(180).describe("Days after an article's `reviewed` date when the dashboard lists it as due for review."),

  // --- hotline (shown to users; never invent these: the NGO fills them in) ---
  HOTLINE_PHONE: z.string().default("+7 000 000 00 00 (DEMO — not a real number)").describe("Hotline phone shown to users."),
  HOTLINE_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, "working hours as HH:MM-HH:MM, like 09:00-18:00")
    .default("09:00-18:00")
    .describe("Hotline working hours, HH:MM-HH:MM, in HOTLINE_TIMEZONE."),
  HOTLINE_DAYS: z
    .string()
    .regex(/^[1-7](,[1-7])*$/, "weekday numbers 1 (Monday) to 7 (Sunday), comma-separated, like 1,2,3,4,5")
    .default("1,2,3,4,5")
    .describe("Hotline working days, 1 = Monday … 7 = Sunday."),
  HOTLINE_TIMEZONE: z.string().refine(knownTimeZone, "an IANA time zone like Asia/Almaty or Asia/Tashkent").default("Asia/Almaty").describe("Time zone of the hotline hours."),
  HOTLINE_SLA_MINUTES: int(1, 10080).default(30).describe("Minutes after which an untaken case is announced again (admins after twice that)."),
  EMERGENCY_CONTACTS: z
    .string()
    .default("112 (DEMO placeholder — set EMERGENCY_CONTACTS)")
    .describe("Emergency contacts shown outside working hours, free text, ' | ' between entries."),
  CASE_RETENTION_DAYS: int(1, 3650).default(90).describe("Days a closed case keeps its transcript before it is deleted."),
  HOTLINE_STAFF_LANG: z.enum(["ru", "en"]).default("ru").describe("Language of the staff group's texts (case cards, reminders, desk replies)."),
  HOTLINE_STAFF_RATE: int(1, 30).default(20).describe("Messages per minute the bot sends to the staff group (Telegram allows about 20)."),

  // --- Telegram ---
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, "a token from @BotFather, like 123456:ABC-DEF...")
    .optional()
    .describe("Bot token from @BotFather; turns the Telegram channel on."),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org").describe("Bot API server (a self-hosted telegram-bot-api, or the tests' stand-in)."),
  TELEGRAM_WEBHOOK_URL: z
    .url()
    // http:// only to this machine: a self-hosted telegram-bot-api (or the tests' stand-in) beside the bot.
    .regex(/^(https:\/\/|http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/])/, "a public https:// URL (Telegram sends webhooks over HTTPS only; http:// only to 127.0.0.1 or localhost for a local Bot API server)")
    .optional().describe("Public HTTPS URL for webhook mode (http:// only on this machine, for a local Bot API server); unset: long polling."),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 characters A-Z a-z 0-9 _ -")
    .optional()
    .describe("Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token; required with a webhook."),
  TELEGRAM_WEBHOOK_PORT: int(1, 65535).default(8080).describe("Port the webhook HTTP server listens on."),
  TELEGRAM_WEBHOOK_HOST: host.default("0.0.0.0").describe("Address the webhook HTTP server binds."),
  TELEGRAM_SEND_PER_SECOND: int(0, 1000)
    .default(30)
    .describe("Messages per second the whole bot sends, shared by every process through Redis (Telegram allows about 30); 0: no bot-wide limit."),
  ALERT_RATE_PER_SEC: int(1, 1000)
    .default(25)
    .describe("Alerts per second at most, over every process (below TELEGRAM_SEND_PER_SECOND, so replies to users keep room)."),
  ALERT_QUIET_HOURS: z
    .string()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)?$/, "quiet hours as HH:MM-HH:MM, like 22:00-08:00, or empty for none")
    .default("22:00-08:00")
    .describe("Hours (HOTLINE_TIMEZONE) when scheduled alerts wait; empty: none. An alert sent now is not held."),
  TELEGRAM_REORDER_MS: int(0, 2000)
    .default(100)
    .describe("Webhook mode: the longest a new update waits for an earlier one (a lower update_id) still arriving at another worker; it goes as soon as every earlier update_id has arrived. 0: no waiting."),
  TELEGRAM_STAFF_CHAT_ID: int(-9999999999999, 0).optional().describe("The staff supergroup (with topics) where consultants get cases."),
  TELEGRAM_OPERATOR_IDS: idList.default([]).describe("Telegram user ids of hotline consultants."),
  TELEGRAM_ADMIN_IDS: idList.default([]).describe("Telegram user ids of admins (broadcasts, statistics, SLA escalations)."),

  // --- WhatsApp ---
  WHATSAPP_ENABLED: bool.default(false).describe("1 turns the WhatsApp channel (whatsapp-web.js) on."),
  WHATSAPP_AUTH: z.enum(["local", "remote"]).default("local").describe("local: LocalAuth on disk; remote: RemoteAuth with the profile in Redis."),
  WHATSAPP_DATA_DIR: z.string().default(".wwebjs_auth").describe("Folder for the WhatsApp browser profile."),
  WHATSAPP_CLIENT_ID: z.string().regex(/^[\w-]+$/, "letters, digits, _ and -").default("jol").describe("Name of this WhatsApp session (one per phone number)."),
  WHATSAPP_PAIR_PHONE: z
    .string()
    .regex(/^\d{8,15}$/, "the phone number in international format, digits only, like 77001234567")
    .optional()
    .describe("Pair by phone-number code instead of QR."),
  WHATSAPP_QR_PNG: z.string().default("whatsapp-qr.png").describe("Where the pairing QR code is written as a PNG."),
  WHATSAPP_PACE_MS: int(0, 600000).default(5000).describe("Pause between bot-initiated WhatsApp messages (jittered)."),
  WHATSAPP_ALERT_DAILY_CAP: int(0, 100000)
    .default(200)
    .describe("Alerts sent to WhatsApp users per day at most (bulk sending puts an unofficial number at risk of a ban); the rest wait for the next day. 0: none on WhatsApp."),
  PUPPETEER_EXECUTABLE_PATH: z.string().default("/usr/bin/chromium").describe("The Chromium that whatsapp-web.js drives."),
  WHATSAPP_TRANSPORT: z
    .enum(["web", "cloud"])
    .default("web")
    .describe("web: whatsapp-web.js with a linked phone (WHATSAPP_ENABLED=1); cloud: Meta's WhatsApp Business Cloud API over webhooks (docs/whatsapp.md)."),
  WHATSAPP_CLOUD_PER_SECOND: int(1, 1000)
    .default(80)
    .describe("Cloud transport: messages per second the phone number sends, over every process (Meta's default throughput is 80; error 130429 above it)."),
  WHATSAPP_CLOUD_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,}$/, "an access token from Meta's app dashboard (a system user's permanent token), letters and digits")
    .optional()
    .describe("Cloud transport: the access token for the Graph API (a system user token with whatsapp_business_messaging)."),
  WHATSAPP_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d{5,20}$/, "the Phone number ID from the app's WhatsApp → API Setup page, digits only (not the phone number itself)")
    .optional()
    .describe("Cloud transport: the Phone number ID that sends and receives (WhatsApp → API Setup in the Meta app)."),
  WHATSAPP_APP_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,}$/, "the App secret from the Meta app's Settings → Basic page")
    .optional()
    .describe("Cloud transport: the Meta app's App secret; every webhook POST is checked against its X-Hub-Signature-256."),
  WHATSAPP_VERIFY_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{8,200}$/, "8-200 printable characters without spaces, the same as typed into the webhook settings of the Meta app")
    .optional()
    .describe("Cloud transport: the Verify token typed into the Meta app's webhook settings (answers the hub.challenge check)."),
  WHATSAPP_GRAPH_ROOT: z
    .url({ protocol: /^https?$/, error: "an http(s) URL of the Graph API with its version, like https://graph.facebook.com/v21.0" })
    .transform((v) => v.replace(/\/+$/, ""))
    .default("https://graph.facebook.com/v21.0")
    .describe("Cloud transport: the Graph API root with its version (the tests' stand-in otherwise)."),
  WHATSAPP_WEBHOOK_PORT: int(1, 65535).default(8081).describe("Cloud transport: port of the webhook server (path /whatsapp/webhook)."),
  WHATSAPP_WEBHOOK_HOST: host.default("0.0.0.0").describe("Cloud transport: address the webhook server binds."),
  WHATSAPP_TEMPLATES: templateList
    .optional()
    .describe("Cloud transport: approved message templates per language, lang=name[@code] comma-separated; used outside the 24-hour window (jol whatsapp templates)."),
  WHATSAPP_ALERT_TEMPLATES: templateList
    .optional()
    .describe("Cloud transport: approved alert templates per language (one body variable: the alert's text), lang=name[@code] comma-separated; alerts outside the 24-hour window go out as these (jol whatsapp templates)."),

  // --- links to the bot (the information portal, docs/portal.md) ---
  TELEGRAM_BOT_USERNAME: z
    .string()
    .regex(/^@?[A-Za-z][A-Za-z0-9_]{4,31}$/, "the bot's username from @BotFather, like jol_help_bot")
    .transform((v) => v.replace(/^@/, ""))
    .optional()
    .describe("The bot's Telegram username, for t.me links on the portal; unset: no Telegram links."),
  WHATSAPP_NUMBER: z
    .string()
    .regex(/^\d{8,15}$/, "the phone number in international format, digits only, like 77001234567")
    .optional()
    .describe("The bot's WhatsApp number, for wa.me links on the portal; unset: no WhatsApp links."),
  PORTAL_BASE_URL: z
    .url({ protocol: /^https?$/, error: "an http(s) URL where the portal is published, like https://jol.example.org/" })
    .transform((v) => (v.endsWith("/") ? v : `${v}/`))
    .optional()
    .describe("Public URL of the portal (sitemap, hreflang, Open Graph); `jol portal build --base-url` overrides."),
});

export type Config = z.infer<typeof ConfigSchema>;
