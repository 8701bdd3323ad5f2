/**
 * `npm run sizes:redis` — what Jol keeps in Redis per user, per case and per queued staff
 * message, measured with MEMORY USAGE on the Redis in REDIS_URL (default redis://127.0.0.1:6379)
 * under a fresh `sizes:<random>:` prefix, deleted at the end. Shared sets and lists (open cases,
 * the SLA schedule, the staff queue) are measured as their growth per entry. For docs/deploy.md.
 *
 *   npm run sizes:redis
 *   REDIS_URL=redis://host:6379 npm run sizes:redis -- 2000     # entries per kind (default 1000)
 */
import { randomBytes } from "node:crypto";
import { CaseService } from "../src/cases/service.ts";
import { Outbox } from "../src/outbox/outbox.ts";
import { loadConfig } from "../src/config/load.ts";
import { systemClock } from "../src/core/clock.ts";
import { loadLocales } from "../src/i18n/load-locales.ts";
import { silentLogger } from "../src/core/log.ts";
import { RedisStore } from "../src/store/redis.ts";

const N = Math.max(10, Number(process.argv[2]) || 1000);
/** A typical first message to the hotline: ~120 Cyrillic characters. */
const DESC = "Работодатель забрал паспорт и не платит зарплату третий месяц, что делать? Я в Алматы, на стройке, нас там двенадцать человек.";

const prefix = `sizes:${randomBytes(4).toString("hex")}:`;
const store = await RedisStore.connect({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", prefix });
const usage = async (keys: string[]): Promise<number> => {
  let sum = 0;
  for (const key of keys) sum += Number(await store.client.memory("USAGE", prefix + key, "SAMPLES", "0")) || 0;
  return sum;
};
try {
  const config = loadConfig({ LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "123456:SIZES-SIZES-SIZES-SIZES-SIZES", TELEGRAM_STAFF_CHAT_ID: "-1001000000000" });
  const { i18n } = loadLocales("locales");
  const cases = new CaseService({ config, store, i18n, log: silentLogger, clock: systemClock, outbox: new Outbox({ store, log: silentLogger }) });
  for (let i = 0; i < N; i++) {
    const address = { channel: "telegram" as const, id: String(9_000_000 + i) };
    const { case: c } = await cases.open({ address, lang: "ru", reason: "menu", urgent: false, summary: { topic: "wages" }, desc: DESC, contact: false });
    for (let m = 0; m < 4; m++) await cases.fromUser(c.id, { kind: "text", text: DESC.slice(0, 60) });
  }
  const all = await store.keys("");
  const shared = ["case:open", "case:sla", "case:seq"];
  const perCase = all.filter((k) => /^case:(\d+|\d+:log|user:.*|by-user:.*)$/.test(k));
  const queue = await usage(["case:q"]);
  const jobs = await store.llen("case:q");
  const caseBytes = (await usage(perCase)) / N + (await usage(shared)) / N;
  console.log(`Redis sizes, ${N} of each, MEMORY USAGE (bytes; key overhead included, allocator rounding included)`);
  console.log(`  case (record, 6-entry log, user links, open-set and SLA entries)  ${Math.round(caseBytes)} B`);
  console.log(`  queued staff message (case:q list entry)                          ${Math.round(queue / jobs)} B  (${jobs} queued)`);
} finally {
  const keys = await store.keys("");
  for (let i = 0; i < keys.length; i += 500) await store.delete(...keys.slice(i, i + 500));
  await store.close();
}
