import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AgencyDirectory, importAgencies, parseCsv, readAgencyCsv, similarity, type Agency } from "../../src/screening/agencies.ts";
import { agencyLookupHandler } from "../../src/screening/agency-lookup.ts";
import { nameKey } from "../../src/screening/normalise.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { silentLogger } from "../../src/core/log.ts";
import { newSession } from "../../src/engine/session.ts";
import type { EffectContext } from "../../src/engine/plugin.ts";
import type { Outbound } from "../../src/core/messages.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testStore } from "../support/redis.ts";

const HEADER = "name,aliases,bin,status,note,source,date";
const demo = readFileSync("data/agencies-demo.csv", "utf8");

describe("agency CSV", () => {
  it("parses quotes, commas and newlines inside quotes, CRLF and a BOM", () => {
    const rows = parseCsv('\uFEFFa,b\r\n"x, ""y""","line\nbreak"\r\nlast,row');
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ['x, "y"', "line\nbreak"] },
      { line: 4, fields: ["last", "row"] },
    ]);
  });

  it("accepts the demo list", () => {
    const read = readAgencyCsv(demo);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.agencies.length).toBeGreaterThanOrEqual(4);
      expect(read.agencies.every((a) => /fictional|вымышлен/i.test(`${a.name} ${a.note}`))).toBe(true);
    }
  });

  it("reports every bad row by line and imports nothing", () => {
    const csv = [
      HEADER,
      "Good One,,111111111111,trusted,,NGO,2026-01-01",
      "Bad Bin,,12345,trusted,,NGO,2026-01-01",
      "Bad Status,,,blacklisted,,NGO,2026-01-01",
      "Bad Date,,,unknown,,NGO,01.02.2026",
      ",,,unknown,,,2026-02-30",
      "Too,few,fields",
      "Dup Bin,,111111111111,complaints,,NGO,2026-01-01",
    ].join("\n");
    const read = readAgencyCsv(csv);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(read.problems[0]?.message).toContain("must be 12 digits");
    expect(read.problems[1]?.message).toContain("trusted, complaints, unknown");
    expect(read.problems[2]?.message).toContain("YYYY-MM-DD");
    expect(read.problems[3]?.message).toMatch(/name is empty.*source is empty.*real date/);
    expect(read.problems[4]?.message).toContain("expected 7 fields");
    expect(read.problems[5]?.message).toContain("already on line 2");
  });

  it("needs the header", () => {
    const read = readAgencyCsv("Good One,,111111111111,trusted,,NGO,2026-01-01\n");
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining(HEADER) });
  });

  it("compares names across scripts and legal forms", () => {
    expect(nameKey("ТОО «Жол Сервис»")).toBe(nameKey("Jol Servis LLP"));
    expect(nameKey("Йўл Сафар")).toBe(nameKey("Yo‘l Safar"));
    expect(similarity(nameKey("Фантазия Тревел"), nameKey("Fantaziya Travel"))).toBeGreaterThan(0.8);
    expect(similarity(nameKey("Казахтелеком"), nameKey("Демо Кадры"))).toBeLessThan(0.5);
  });
});

describe("agency list in Redis", () => {
  let store: RedisStore;
  beforeEach(async () => {
    store = await testStore("agencies");
  });
  afterEach(async () => {
    await store.close();
  });

  const agencies = (): Agency[] => {
    const read = readAgencyCsv(demo);
    if (!read.ok) throw new Error("demo CSV is invalid");
    return read.agencies;
  };

  it("finds an agency by BIN, by name in another script, by alias; says when it is not there", async () => {
    await importAgencies(store, agencies(), 1_000);
    const dir = new AgencyDirectory(store);
    const byBin = await dir.lookup("0000 0000 0002");
    expect(byBin.list !== "none" && byBin.matches.map((m) => m.agency.status)).toEqual(["complaints"]);
    const cyr = await dir.lookup("фантазия тревел ворк");
    expect(cyr.list !== "none" && cyr.matches[0]?.agency.bin).toBe("000000000002");
    const latin = await dir.lookup("Jol Sapar");
    expect(latin.list !== "none" && latin.matches[0]?.agency.bin).toBe("000000000003");
    const none = await dir.lookup("Совсем Другое Агентство");
    expect(none.list !== "none" && none.matches).toEqual([]);
    expect(await dir.info()).toEqual({ count: agencies().length, importedAt: 1_000 });
  });

  it("replaces the whole list atomically and removes the old generation", async () => {
    await importAgencies(store, agencies(), 1_000);
    const before = await store.keys("scr:agencies:");
    const dir = new AgencyDirectory(store);
    expect((await dir.lookup("Demo Kadry Plus")).list).not.toBe("none");
    const only: Agency = { name: "Единственное Демо", aliases: [], bin: "999999999999", status: "unknown", note: "", source: "test", date: "2026-01-01" };
    await importAgencies(store, [only], 2_000);
    const after = await store.keys("scr:agencies:");
    expect(after.length).toBe(before.length);
    const gone = await dir.lookup("Demo Kadry Plus");
    expect(gone.list !== "none" && gone.matches).toEqual([]);
    const found = await dir.lookup("999999999999");
    expect(found.list !== "none" && found.matches[0]?.agency.name).toBe("Единственное Демо");
  });

  it("keeps the old list when another import swapped it meanwhile", async () => {
    await importAgencies(store, agencies(), 1_000);
    const current = await store.get("scr:agencies:current");
    const racing: typeof store = Object.create(store);
    // The pointer changes between the read and the swap: the import must fail and leave no keys.
    let first = true;
    racing.get = async (key: string) => {
      const value = await store.get(key);
      if (key === "scr:agencies:current" && first) {
        first = false;
        await store.set(key, "someone-else");
      }
      return value;
    };
    await expect(importAgencies(racing, [agencies()[0]!], 2_000)).rejects.toThrow(/run the import again/);
    expect(await store.get("scr:agencies:current")).toBe("someone-else");
    const keys = await store.keys("scr:agencies:");
    expect(keys.filter((k) => k.includes(":rows") && !k.includes(current!))).toEqual([]);
  });

  it("answers through the x-agency-lookup effect: what the list says and its date, or not found, never an official registry", async () => {
    const { i18n } = loadLocales("locales");
    const replies: Outbound[] = [];
    const ctx: EffectContext = {
      address: { channel: "console", id: "a" },
      lang: "ru",
      session: newSession(0),
      store,
      i18n,
      log: silentLogger,
      clock: { now: () => 0 },
      reply: (m) => replies.push(m),
      sendTo: async () => undefined,
    };
    const handler = agencyLookupHandler(new AgencyDirectory(store));
    await handler({ type: "x-agency-lookup", query: "Фантазия" }, ctx);
    expect(replies.at(-1)?.keys).toContain("scr-agency-no-list");

    await importAgencies(store, agencies(), 1_000);
    await handler({ type: "x-agency-lookup", query: "Fantaziya Travel Work" }, ctx);
    const found = replies.at(-1)!;
    expect(found.keys).toEqual(expect.arrayContaining(["scr-agency-status-complaints", "scr-agency-caveat"]));
    expect(found.text).toContain("2026-02-01");
    expect(found.text).toContain("не официальный реестр");

    await handler({ type: "x-agency-lookup", query: "Никому Не Известное" }, { ...ctx, lang: "en" });
    const missing = replies.at(-1)!;
    expect(missing.keys).toEqual(["scr-agency-not-found"]);
    expect(missing.text).toContain("proves nothing");
  });
});

// Builds a whole app (flows, texts, the knowledge index): slow on a busy machine.
describe("agency check through the bot (router on Redis)", { timeout: 60_000 }, () => {
  it("imports the demo list, then a user asks by name in another script and by an unknown name", async () => {
    const { createApp } = await import("../../src/app/create.ts");
    const { loadConfig } = await import("../../src/config/load.ts");
    const store = await testStore("agency-bot");
    const app = await createApp({ config: loadConfig({}), store, log: silentLogger });
    try {
      const read = readAgencyCsv(demo);
      if (!read.ok) throw new Error("demo CSV is invalid");
      await importAgencies(store, read.agencies, 1_000);
      let n = 0;
      let last: Outbound[] = [];
      const send = async (input: import("../../src/core/messages.ts").Input): Promise<Outbound[]> => {
        const result = await app.router.handle({ address: { channel: "console", id: "agency-user" }, messageId: String(++n), input, langHint: "ru" }, async () => undefined);
        if (result.replies.some((m) => m.choices?.length)) last = result.replies;
        return result.replies;
      };
      const press = (label: string) => {
        const choice = [...last].reverse().flatMap((m) => m.choices ?? []).find((c) => c.label.includes(label));
        if (!choice) throw new Error(`no choice ${label}`);
        return send({ kind: "choice", data: choice.id });
      };
      await send({ kind: "command", name: "start" });
      await press("Русский");
      await press("Проверить предложение");
      await press("Проверить агентство");
      const found = await send({ kind: "text", text: "Jol Sapar Demo" });
      expect(found[0]?.keys).toContain("scr-agency-status-complaints");
      expect(found[0]?.text).toContain("Жол-Сапар Демо (вымышленное)");
      expect(found[0]?.text).toContain("2026-03-10");
      expect(found.at(-1)?.keys).toContain("scr-after-agency");
      await press("Другое агентство");
      const missing = await send({ kind: "text", text: "ТОО Совершенно Неизвестное" });
      expect(missing[0]?.keys).toEqual(["scr-agency-not-found"]);
      expect(missing[0]?.text).toContain("ничего не доказывает");
    } finally {
      await app.close();
    }
    // Builds the whole app (the knowledge index too): about 10 s on a loaded 2-core machine.
  }, 60_000);
});
