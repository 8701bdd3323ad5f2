import { describe, expect, it } from "vitest";
import { createLogger, hashId, scrub } from "../src/core/log.ts";

function capture(options: { level?: "debug" | "info"; pretty?: boolean } = {}) {
  const lines: string[] = [];
  return { lines, log: createLogger({ ...options, write: (line) => lines.push(line) }) };
}

describe("log", () => {
  it("writes one JSON object per line with level, time and message first", () => {
    const { lines, log } = capture();
    log.info("session reset", { user: hashId("telegram:42"), reason: "version" });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    expect(record).toMatchObject({ level: "info", msg: "session reset", user: hashId("telegram:42"), reason: "version" });
    expect(String(record.t)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("drops lines below the level and keeps the fields of a child", () => {
    const { lines, log } = capture({ level: "info" });
    log.debug("noise");
    log.child({ channel: "telegram" }).warn("slow", { ms: 900 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "warn", channel: "telegram", ms: 900 });
  });

  it("redacts message texts, phone numbers and secrets by field name", () => {
    const { lines, log } = capture();
    log.info("incoming", { text: "my passport was taken", phone: "+77001234567", token: "abc", secret: "s", count: 2 });
    const line = lines[0] ?? "";
    expect(line).not.toContain("passport");
    expect(line).not.toContain("7001234567");
    expect(JSON.parse(line)).toMatchObject({ text: "[redacted]", phone: "[redacted]", token: "[redacted]", secret: "[redacted]", count: 2 });
  });

  it("cuts bot tokens and URL passwords out of any string, the message included", () => {
    const { lines, log } = capture();
    log.error("GET https://api.telegram.org/bot123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ/getMe failed", {
      error: "connect redis://jol:hunter2@10.0.0.5:6379/0 refused",
    });
    const line = lines[0] ?? "";
    expect(line).not.toContain("ABCDEFGHIJ");
    expect(line).not.toContain("hunter2");
    expect(line).toContain("bot***/getMe");
    expect(line).toContain("redis://***@10.0.0.5:6379/0");
    expect(scrub("plain words stay")).toBe("plain words stay");
  });

  it("reads as a line for people when pretty", () => {
    const { lines, log } = capture({ pretty: true });
    log.warn("redis connection problem", { error: "ECONNREFUSED" });
    expect(lines).toEqual(["[jol] warn: redis connection problem (error=ECONNREFUSED)"]);
  });
});
