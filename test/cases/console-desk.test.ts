import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import type { App } from "../../src/app/app.ts";
import { ChannelRegistry } from "../../src/channels/channel.ts";
import { ConsoleChannel, outboxKey } from "../../src/channels/console/console-channel.ts";
import { CaseService } from "../../src/cases/service.ts";
import { ConsoleDesk } from "../../src/cases/console-desk.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { Outbound } from "../../src/core/messages.ts";
import { FakeClock, outboxFor, testConfig, testI18n } from "./helpers.ts";

describe("jol desk (console)", () => {
  let store: RedisStore;
  let cases: CaseService;
  let desk: ConsoleDesk;
  let out: PassThrough;
  let printed = "";
  const user = { channel: "console" as const, id: "amina" };
  const outbox = async () => (await store.lrange(outboxKey("amina"), 0, -1)).map((raw) => JSON.parse(raw) as Outbound);

  beforeEach(async () => {
    store = await testStore("cases-desk");
    const channels = new ChannelRegistry();
    // The console channel's `send` writes the user's outbox in Redis, which `jol chat` polls.
    channels.add(new ConsoleChannel({ store } as unknown as App, { user: "desk", interactive: false }));
    const clock = new FakeClock();
    // No staff group: the console desk reads cases straight from the store.
    const config = testConfig({ TELEGRAM_STAFF_CHAT_ID: "" });
    cases = new CaseService({ config, store, i18n: testI18n(), log: silentLogger, clock, outbox: outboxFor(store, channels) });
    out = new PassThrough();
    printed = "";
    out.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    desk = new ConsoleDesk(cases, { i18n: testI18n(), config, clock, out, actor: { kind: "console", id: "ops", name: "Dana" } });
  });
  afterEach(async () => {
    await store.close();
  });

  it("lists, takes, chats with a console user through their outbox, keeps notes, closes", async () => {
    await desk.line("/list");
    expect(printed).toContain("No open cases.");
    const { case: c } = await cases.open({ address: user, lang: "kk", reason: "danger", urgent: true, summary: { danger: "паспорт" }, desc: "Паспортымды алып қойды", contact: false });
    await desk.line("hello?");
    expect(printed).toContain("Take or show a case first");

    await desk.line("/list");
    expect(printed).toMatch(new RegExp(`#${c.id} waiting urgent Kazakh console danger words 0 min`));
    await desk.line(`/take ${c.id}`);
    expect(printed).toContain(`You have case #${c.id}`);
    expect(printed).toContain("• Danger words: паспорт");
    expect(printed).toContain("Паспортымды алып қойды");
    expect((await outbox()).map((m) => m.keys?.[0])).toEqual(["case-user-joined"]);

    await desk.line("Сәлеметсіз бе! Қазір қайдасыз?");
    await desk.line("/note probably document retention");
    await desk.line("/tpl safe");
    expect((await outbox()).map((m) => m.text)).toEqual([
      testI18n().t("kk", "case-user-joined"),
      "Сәлеметсіз бе! Қазір қайдасыз?",
      testI18n().t("kk", "case-tpl-safe"),
    ]);

    await cases.fromUser(c.id, { kind: "text", text: "Жатақханадамын" });
    await desk.poll();
    expect(printed).toContain("👤 Жатақханадамын");
    expect(printed).toContain("📝 Dana: probably document retention");

    await desk.line("/close maybe");
    expect(printed).toContain("Outcomes: info, referred, trafficking, no-reply, other");
    await desk.line("/close trafficking");
    expect((await cases.cases.get(c.id))?.outcome).toBe("trafficking");
    expect((await outbox()).slice(-2).map((m) => m.keys?.[0])).toEqual(["case-user-closed", "case-feedback-ask"]);
    expect((await outbox()).map((m) => m.text).join("\n")).not.toContain("document retention");
    await desk.line("/quit");
    expect(desk.quit).toBe(true);
  });

  it("keeps a line internal when someone else has the case", async () => {
    const { case: c } = await cases.open({ address: user, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    await cases.take(c.id, { kind: "telegram", id: "111", name: "Aigul" });
    await desk.line(`/take ${c.id}`);
    expect(printed).toContain("Aigul already has this case.");
    await desk.line("I would say something else");
    expect(printed).toContain("not sent: you do not have this case");
    expect((await outbox()).map((m) => m.text)).not.toContain("I would say something else");
    await desk.line("/transfer");
    await desk.line("Now it is me");
    expect((await outbox()).map((m) => m.text)).toContain("Now it is me");
  });

  it("says the user's language and the status in the staff's language, never 'TG' next to the channel", async () => {
    const { case: c } = await cases.open({ address: user, lang: "tg", reason: "menu", urgent: false, summary: {}, contact: false });
    const ruDesk = new ConsoleDesk(cases, { i18n: testI18n(), config: testConfig({ TELEGRAM_STAFF_CHAT_ID: "", HOTLINE_STAFF_LANG: "ru" }), clock: new FakeClock(), out, actor: { kind: "console", id: "ops", name: "Dana" } });
    await ruDesk.line("/list");
    expect(printed).toContain(`#${c.id} ждёт обычное тадж. console`);
    await desk.line("/list");
    expect(printed).toContain(`#${c.id} waiting normal Tajik console`);
  });

  it("labels a consultant's words for the user in the user's language", async () => {
    const { case: c } = await cases.open({ address: user, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    await desk.line(`/take ${c.id}`);
    await desk.line("Здравствуйте, чем помочь?");
    const sent = (await outbox()).find((m) => m.text === "Здравствуйте, чем помочь?");
    expect(sent?.from).toBe(testI18n().t("ru", "case-from-consultant"));
  });

  const until = async (what: string, ok: () => boolean) => {
    for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(ok(), what).toBe(true);
  };

  it("jol chat prints what came while the user was away first and in order, then a consultant's message on its own line with its label", async () => {
    const from = testI18n().t("ru", "case-from-consultant");
    const app = { store, log: silentLogger } as unknown as App;
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (chunk: Buffer) => (shown += chunk.toString()));
    const sender = new ConsoleChannel(app, { user: "desk", interactive: false });
    await sender.send({ channel: "console", id: "amina" }, [1, 2, 3, 4, 5].map((n) => ({ text: `away ${n}`, from })));
    const chat = new ConsoleChannel(app, { user: "amina", input, output, interactive: true, pollMs: 20 });
    await chat.start();
    await until("the prompt", () => shown.endsWith("> "));
    expect(shown).toBe(`${[1, 2, 3, 4, 5].map((n) => `${from}: away ${n}\n\n`).join("")}> `);

    await sender.send({ channel: "console", id: "amina" }, [{ text: "are you there?", from }]);
    // Off the prompt's line, then the prompt again.
    await until("the new message is printed on its own line, then the prompt", () => shown.endsWith(`> \n${from}: are you there?\n\n> `));
    await chat.stop();
    input.end();
    await chat.done;
  });
});
