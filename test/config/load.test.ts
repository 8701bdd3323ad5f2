import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, loadConfig } from "../../src/config/load.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("fills defaults when nothing is set, so `npx jol chat` needs no configuration", () => {
    const config = loadConfig({});
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.REDIS_PREFIX).toBe("jol:");
    expect(config.SESSION_TTL_DAYS).toBe(30);
    expect(config.DEFAULT_LANG).toBe("ru");
    expect(config.WHATSAPP_ENABLED).toBe(false);
    expect(config.TELEGRAM_OPERATOR_IDS).toEqual([]);
  });

  it("converts values to their types", () => {
    const config = loadConfig({
      REDIS_URL: "redis://127.0.0.1:6379/2",
      SESSION_TTL_DAYS: "7",
      WHATSAPP_ENABLED: "yes",
      TELEGRAM_OPERATOR_IDS: " 111, 222 ,333",
      TELEGRAM_STAFF_CHAT_ID: "-1001234567890",
    });
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379/2");
    expect(config.SESSION_TTL_DAYS).toBe(7);
    expect(config.WHATSAPP_ENABLED).toBe(true);
    expect(config.TELEGRAM_OPERATOR_IDS).toEqual([111, 222, 333]);
    expect(config.TELEGRAM_STAFF_CHAT_ID).toBe(-1001234567890);
  });

  it("treats an empty value as unset and ignores variables it does not know", () => {
    const config = loadConfig({ REDIS_URL: "", SESSION_TTL_DAYS: "", PATH: "/usr/bin", HOME: "/root" });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SESSION_TTL_DAYS).toBe(30);
  });

  it("names the variable, what was expected and what was found", () => {
    expect(problemsOf({ SESSION_TTL_DAYS: "thirty" })).toEqual(['SESSION_TTL_DAYS: expected a whole number, found "thirty"']);
    expect(problemsOf({ HOTLINE_HOURS: "9-18" })).toEqual([
      'HOTLINE_HOURS: expected working hours as HH:MM-HH:MM, like 09:00-18:00, found "9-18"',
    ]);
  });

  it("says the allowed range or choices in words, not zod's internals", () => {
    const [range] = problemsOf({ SESSION_TTL_DAYS: "0" });
    expect(range).toBe('SESSION_TTL_DAYS: expected a number of at least 1, found "0"');
    const [lang] = problemsOf({ DEFAULT_LANG: "de" });
    expect(lang).toBe('DEFAULT_LANG: expected one of ru, kk, uz, ky, tg, en, found "de"');
    const [flag] = problemsOf({ WHATSAPP_ENABLED: "maybe" });
    expect(flag).toMatch(/^WHATSAPP_ENABLED: expected one of 0, 1, true, false, yes, no, on, off, found "maybe"$/);
    for (const line of [range, lang, flag]) expect(line).not.toMatch(/Too small|Invalid option|>=/);
  });

  it("reports every bad variable at once", () => {
    const problems = problemsOf({ SESSION_TTL_DAYS: "x", LOG_LEVEL: "loud", TELEGRAM_WEBHOOK_PORT: "99999" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["LOG_LEVEL", "SESSION_TTL_DAYS", "TELEGRAM_WEBHOOK_PORT"]);
    const error = (() => {
      try {
        loadConfig({ SESSION_TTL_DAYS: "x", LOG_LEVEL: "loud" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/^Configuration error:\n {2}- /);
  });

  it("never repeats a bad secret in the error", () => {
    const problems = problemsOf({ REDIS_URL: "localhost:6379-with-password-hunter2", TELEGRAM_BOT_TOKEN: "not-a-token-hunter2" });
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).not.toContain("hunter2");
    expect(problems.find((p) => p.startsWith("REDIS_URL:"))).toMatch(/expected a redis:\/\/ or rediss:\/\/ URL.*found a value \(hidden\)/);
    expect(problems.find((p) => p.startsWith("TELEGRAM_BOT_TOKEN:"))).toMatch(/@BotFather.*found a value \(hidden\)/);
  });

  it("requires a webhook secret with a webhook URL", () => {
    expect(problemsOf({ TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram" })).toEqual([
      expect.stringMatching(/^TELEGRAM_WEBHOOK_SECRET: expected a secret when TELEGRAM_WEBHOOK_URL is set.*found nothing$/),
    ]);
  });
});

describe("describeConfig", () => {
  const lines = describeConfig(
    loadConfig({
      REDIS_URL: "redis://jol:hunter2@redis.internal:6379/0",
      TELEGRAM_BOT_TOKEN: "123456789:AAFakeTokenValueForTestsOnly_xyz",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram",
      TELEGRAM_WEBHOOK_SECRET: "webhook-secret-value",
      TELEGRAM_OPERATOR_IDS: "1,2",
    }),
  );
  const line = (key: string): string | undefined => lines.find((l) => l.startsWith(`${key}=`));

  it("prints one line per setting, including unset ones", () => {
    expect(line("SESSION_TTL_DAYS")).toBe("SESSION_TTL_DAYS=30");
    expect(line("TELEGRAM_STAFF_CHAT_ID")).toBe("TELEGRAM_STAFF_CHAT_ID=(unset)");
    expect(line("TELEGRAM_OPERATOR_IDS")).toBe("TELEGRAM_OPERATOR_IDS=1,2");
    expect(new Set(lines.map((l) => l.split("=")[0])).size).toBe(lines.length);
  });

  it("masks secrets but keeps enough to recognise them", () => {
    const all = lines.join("\n");
    expect(all).not.toContain("hunter2");
    expect(all).not.toContain("AAFakeTokenValueForTestsOnly");
    expect(all).not.toContain("webhook-secret-value");
    expect(line("REDIS_URL")).toBe("REDIS_URL=redis://***@redis.internal:6379/0");
    expect(line("TELEGRAM_BOT_TOKEN")).toMatch(/^TELEGRAM_BOT_TOKEN=.{0,4}\*\*\*.{0,2}$/);
    expect(line("TELEGRAM_WEBHOOK_SECRET")).toMatch(/\*\*\*/);
    expect(line("TELEGRAM_WEBHOOK_URL")).toBe("TELEGRAM_WEBHOOK_URL=https://bot.example.org/telegram");
  });
});
