import { createHmac } from "node:crypto";
import type { RedisStore } from "../../src/store/redis.ts";
import { dayKey, dayUsersKey, monthUsersKey } from "../../src/stats/plan.ts";
import { addDays } from "../../src/web/period.ts";

/** A small deterministic random generator (mulberry32), so generated data and screenshots are stable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGS = ["ru", "uz", "kk", "ky", "tg", "en"];
const LANG_SHARE = [0.35, 0.25, 0.15, 0.12, 0.1, 0.03];
const ARTICLES = ["stay-rules", "registration", "patent", "work-permit", "kandas", "russia-entry", "korea-eps", "poland-work"];
const FLAGS = ["fee", "passport-kept", "no-contract", "unclear-employer", "salary-too-high", "debt"];
const SOURCES = ["portal", "poster-bus", "partner-ngo", "poster-station"];
const MISSES = ["виза дети школа", "пенсия перевод", "водительские права обмен", "ипотека"];
const OUTCOMES = ["info", "referred", "trafficking", "no-reply", "other"];
const CONSULTANTS = ["Aigul", "Bakyt", "Dilnoza"];

function pick<T>(rnd: () => number, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(rnd() * items.length)]!;
  let x = rnd() * weights.reduce((s, w) => s + w, 0);
  for (const [i, w] of weights.entries()) if ((x -= w) < 0) return items[i]!;
  return items.at(-1)!;
}

/**
 * Statistics as `RedisStats` would have counted them: `days` days up to `lastDay` for a population
 * of `users` people, written straight into the same keys (a year of messages through the router
 * would take hours). About `perDay` people a day; each reads, asks, checks, and some open cases.
 */
export async function generateStats(store: RedisStore, options: { lastDay: string; days: number; users: number; perDay: number; seed?: number }): Promise<void> {
  const rnd = random(options.seed ?? 16);
  const p = store.prefix;
  for (let i = options.days - 1; i >= 0; i--) {
    const day = addDays(options.lastDay, -i);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const people = Math.round(options.perDay * (weekday === 0 || weekday === 6 ? 0.6 : 1) * (0.8 + 0.4 * rnd()));
    const f = new Map<string, number>();
    const add = (field: string, n = 1) => f.set(field, (f.get(field) ?? 0) + n);
    const ids: string[] = [];
    for (let u = 0; u < people; u++) {
      const user = Math.floor(rnd() * options.users);
      ids.push(createHmac("sha256", "generated").update(String(user)).digest("base64url").slice(0, 12));
      const lang = pick(rnd, LANGS, LANG_SHARE);
      const ch = rnd() < 0.7 ? "telegram" : "whatsapp";
      const messages = 2 + Math.floor(rnd() * 6);
      add("u");
      add(`u:lang:${lang}`);
      add(`u:ch:${ch}`);
      add("m", messages);
      add(`m:lang:${lang}`, messages);
      add(`m:ch:${ch}`, messages);
      for (let m = 0; m < messages; m++) add(`h:${String(Math.min(23, Math.max(7, Math.round(13 + 3.5 * (rnd() + rnd() + rnd() - 1.5) * 1.6)))).padStart(2, "0")}`);
      if (rnd() < 0.05) add(`src:${pick(rnd, SOURCES)}`);
      if (rnd() < 0.6) {
        add(`art:${pick(rnd, ARTICLES)}`);
        add(`art:lang:${lang}`);
      }
      if (rnd() < 0.08) {
        add("miss");
        add(`miss:lang:${lang}`);
        add(`q:${pick(rnd, MISSES).split(" ").sort().join(" ")}`);
      }
      if (rnd() < 0.1) {
        const risk = pick(rnd, ["low", "medium", "high"], [0.5, 0.3, 0.2]);
        add(`chk:${rnd() < 0.6 ? "guided" : "ad"}:${risk}`);
        if (risk !== "low") for (const flag of FLAGS) if (rnd() < 0.3) add(`flag:${flag}`);
      }
      if (rnd() < 0.02) add("agency");
      if (rnd() < 0.03) {
        const by = pick(rnd, CONSULTANTS);
        const wait = Math.round(rnd() * rnd() * 120 * 60_000);
        add("case:opened");
        add("case:taken");
        add("case:closed");
        add("take:n");
        add("take:ms", wait);
        if (wait <= 30 * 60_000) add("take:sla");
        add(`take:b:${[5, 15, 30, 60, 120, 240, 480, 1440].find((b) => wait / 60_000 <= b) ?? "more"}`);
        add(`out:${pick(rnd, OUTCOMES, [5, 2, 1, 1, 1])}`);
        add(`cc:t:${by}`);
        add(`cc:c:${by}`);
        if (rnd() < 0.5) {
          const score = pick(rnd, [1, 2, 3, 4, 5], [1, 1, 2, 4, 6]);
          add(`fb:${score}`);
          add(`cc:fb:${by}`, score);
          add(`cc:fbn:${by}`);
        }
      }
    }
    if (weekday === 3) {
      add("alert:sent", Math.round(people * 2));
      add("alert:blocked", Math.round(people * 0.05));
      add("unsub", Math.round(people * 0.02));
    }
    const pipeline = store.client.pipeline();
    pipeline.hset(p + dayKey(day), Object.fromEntries(f));
    for (let k = 0; k < ids.length; k += 1000) {
      pipeline.pfadd(p + dayUsersKey(day), ...ids.slice(k, k + 1000));
      pipeline.pfadd(p + monthUsersKey(day.slice(0, 7)), ...ids.slice(k, k + 1000));
    }
    await pipeline.exec();
  }
}
