/**
 * One fault scenario's world: the Bot API stand-in (in this process), the echo content, a Redis
 * key prefix of its own, and the `jol start` processes it spawned. `dispose()` undoes all of it.
 */
import { randomBytes } from "node:crypto";
import { BotApiStandIn, testUser, updates, type LimitOptions, type NewUpdate } from "../support/bot-api/index.ts";
import type { User } from "grammy/types";
import { echoContent, echoed, type EchoContent } from "./echo-content.ts";
import { JolProcess, ROOT, SECRET, TOKEN, deleteKeys, freePort, sleep, until } from "./harness.ts";

export interface RigOptions {
  /** The Redis every process shares. */
  redisUrl: string;
  /** Enforce Telegram's sending limits in the stand-in. */
  limits?: LimitOptions | boolean;
  /** More settings for every process. */
  env?: Record<string, string>;
  /** Where progress lines go (the chaos script prints them; tests keep quiet). */
  say?: (line: string) => void;
}

/** The staff supergroup of the scenarios (a forum). */
export const STAFF_CHAT = -1001234567890;

/** Per user: the texts sent, in order, whose echoes are expected. */
export type Expected = Map<number, string[]>;

/** Lost, repeated and out-of-order replies over all users. */
export interface Counts {
  users: number;
  /** Messages whose echo was expected. */
  expected: number;
  /** Messages echoed at least once. */
  answered: number;
  lost: number;
  /** Extra copies of an echo already seen. */
  duplicates: number;
  /** Echoes that arrived after the echo of a later message of the same user. */
  outOfOrder: number;
}

export class Rig {
  readonly procs: JolProcess[] = [];
  readonly prefix = `chaos:${randomBytes(4).toString("hex")}:`;
  private constructor(
    readonly api: BotApiStandIn,
    readonly content: EchoContent,
    readonly o: RigOptions,
  ) {}

  static async start(options: RigOptions): Promise<Rig> {
    const api = await BotApiStandIn.start({ limits: options.limits, maxPollSeconds: 10 });
    defineForum(api);
    return new Rig(api, echoContent(ROOT), options);
  }

  say(line: string): void {
    this.o.say?.(line);
  }

  /** The settings of a spawned process (nothing is inherited from this process's environment). */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: this.api.apiRoot,
      REDIS_URL: this.o.redisUrl,
      REDIS_PREFIX: this.prefix,
      FLOWS_DIR: this.content.flowsDir,
      LOCALES_DIR: this.content.localesDir,
      LOG_LEVEL: "info",
      // Several workers on one machine: the operations endpoints (tested elsewhere) are off.
      OPS_PORT: "0",
      // A loaded test machine can hold one post back longer than the production default waits.
      TELEGRAM_REORDER_MS: "300",
      // Set, so that processes sharing a folder do not each write a new one into .env (where the setting exists).
      LOG_TAG_SECRET: "chaos-log-tag-secret-0123456789",
      HOTLINE_HOURS: "00:00-24:00",
      HOTLINE_DAYS: "1,2,3,4,5,6,7",
      TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT),
      ...this.o.env,
      ...extra,
    };
  }

  /** Spawn a long-polling `jol start` and wait until it runs. */
  async polling(name: string, extra: Record<string, string> = {}): Promise<JolProcess> {
    const proc = JolProcess.spawn(name, this.env(extra), this.content.root);
    this.procs.push(proc);
    await proc.ready();
    return proc;
  }

  /** Spawn a webhook-mode `jol start` on a free port; resolves with it and the URL to post to. */
  async webhook(name: string, extra: Record<string, string> = {}): Promise<{ proc: JolProcess; url: string }> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram`;
    const proc = JolProcess.spawn(
      name,
      this.env({ TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_WEBHOOK_PORT: String(port), TELEGRAM_WEBHOOK_HOST: "127.0.0.1", ...extra }),
      this.content.root,
    );
    this.procs.push(proc);
    await proc.ready();
    return { proc, url };
  }

  /** Users with ids from `first`, Russian-speaking. */
  static users(count: number, first = 710_000): User[] {
    return Array.from({ length: count }, (_, i) => testUser(first + i, "ru"));
  }

  /**
   * Bring users to the echo loop (/start, then "1" for Russian) through `send`, and wait until
   * each got the loop's "ready" line.
   */
  async onboard(users: User[], send: (update: NewUpdate) => unknown | Promise<unknown>, timeoutMs = 120_000): Promise<void> {
    for (const user of users) await send(updates.command(user, "start"));
    await until(() => users.every((u) => this.api.sentTo(u.id).length >= 1), "the language question for every user", timeoutMs, 200);
    for (const user of users) await send(updates.text(user, "1"));
    const inLoop = (u: User) => this.inLoop(u);
    await until(() => users.every(inLoop), "every user to reach the echo loop", timeoutMs, 200).catch((error: Error) => {
      const missing = users.filter((u) => !inLoop(u));
      const sample = missing[0] ? this.api.sentTo(missing[0].id).map((m) => JSON.stringify(m.text?.slice(0, 60))) : [];
      throw new Error(`${error.message}: ${missing.length} of ${users.length} users are not there; the first got ${sample.join(", ") || "nothing"}`);
    });
  }

  /** True once `user` was sent the echo loop's "ready" line. */
  inLoop(user: User): boolean {
    return this.api.sentTo(user.id).some((m) => /(^|\n)ready$/.test(m.text ?? ""));
  }

  /** When each repeated echo (a copy of one already sent) reached the stand-in. */
  duplicateTimes(expected: Expected): number[] {
    const seen = new Set<string>();
    const times: number[] = [];
    for (const sent of this.api.sentLog()) {
      const text = echoed(sent.text);
      if (text === undefined || !expected.get(Number(sent.chatId))?.includes(text)) continue;
      const key = `${sent.chatId}:${text}`;
      if (seen.has(key)) times.push(sent.at);
      seen.add(key);
    }
    return times;
  }

  /** Count the echoes the stand-in recorded against what was sent. */
  count(expected: Expected): Counts {
    const byChat = new Map<string, string[]>();
    for (const sent of this.api.sentLog()) {
      const text = echoed(sent.text);
      if (text === undefined) continue;
      const list = byChat.get(sent.chatId) ?? [];
      list.push(text);
      byChat.set(sent.chatId, list);
    }
    const counts: Counts = { users: expected.size, expected: 0, answered: 0, lost: 0, duplicates: 0, outOfOrder: 0 };
    for (const [chat, texts] of expected) {
      const got = (byChat.get(String(chat)) ?? []).filter((t) => texts.includes(t));
      const seen = new Set<string>();
      let highest = -1;
      for (const text of got) {
        if (seen.has(text)) {
          counts.duplicates++;
          continue;
        }
        seen.add(text);
        const index = texts.indexOf(text);
        if (index < highest) counts.outOfOrder++;
        highest = Math.max(highest, index);
      }
      counts.expected += texts.length;
      counts.answered += seen.size;
      counts.lost += texts.length - seen.size;
    }
    return counts;
  }

  /**
   * Wait until every expected echo arrived, or nothing new arrived for `stallMs` (the bot lost
   * some), or `timeoutMs` passed. Returns the counts then.
   */
  async settle(expected: Expected, options: { stallMs?: number; timeoutMs?: number } = {}): Promise<Counts> {
    const stallMs = options.stallMs ?? 30_000;
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    let last = -1;
    let lastChange = Date.now();
    for (;;) {
      const counts = this.count(expected);
      if (counts.answered === counts.expected) return counts;
      const progress = counts.answered + counts.duplicates;
      if (progress !== last) {
        last = progress;
        lastChange = Date.now();
      }
      if (Date.now() - lastChange > stallMs || Date.now() > deadline) return counts;
      await sleep(250);
    }
  }

  /** Wait until at least `fraction` of the expected echoes arrived. */
  async answeredAtLeast(expected: Expected, fraction: number, timeoutMs = 300_000): Promise<void> {
    await until(() => {
      const c = this.count(expected);
      return c.answered >= c.expected * fraction;
    }, `${Math.round(fraction * 100)}% of the replies`, timeoutMs, 100);
  }

  /** How often each warning or error message was logged by the spawned processes. */
  warnings(): Record<string, number> {
    const tally: Record<string, number> = {};
    for (const line of this.procs.flatMap((p) => p.lines)) {
      const match = /"level":"?(warn|error|40|50)"?.*?"msg":"([^"]*)"/.exec(line) ?? /(WARN|ERROR)[^:]*:\s*(.*)$/.exec(line);
      if (match) tally[match[2]!] = (tally[match[2]!] ?? 0) + 1;
    }
    return tally;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.procs.map((p) => p.dispose()));
    await this.api.close();
    this.content.remove();
    await deleteKeys(this.o.redisUrl, this.prefix).catch(() => undefined);
  }
}

/** Texts `m1`…`mN` for every user. */
export function numbered(users: User[], count: number): Expected {
  return new Map(users.map((u) => [u.id, Array.from({ length: count }, (_, i) => `m${i + 1}`)]));
}

/** The forum-topic methods of the staff desk (a forum supergroup), answering as Telegram does. */
function defineForum(api: BotApiStandIn): void {
  api.define("createForumTopic", (p) => ({ message_thread_id: api.nextId(`topic:${String(p.chat_id)}`) + 1, name: String(p.name), icon_color: 0x6fb9f0 }));
  for (const method of ["editForumTopic", "closeForumTopic", "reopenForumTopic", "pinChatMessage", "unpinChatMessage"]) api.define(method, () => true);
}

export { SECRET, sleep };
