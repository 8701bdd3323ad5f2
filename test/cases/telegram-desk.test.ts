import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { updates } from "../support/bot-api/index.ts";
import { STAFF_CHAT } from "./helpers.ts";
import { E2E_TIMEOUT, Hotline, aigul, bakyt, staffGroup, startHotline, stranger, testUser } from "./rig.ts";

const migrant = testUser(5001, "uz", "Aziz");
const WA = "77001234567@c.us";

/** A migrant on Telegram asks for a consultant through /human and opens case `#id`. */
async function openOnTelegram(h: Hotline, user = migrant, words = "Ish beruvchi pasportimni oldi"): Promise<number> {
  await h.exchange(updates.command(user, "human"), user.id);
  await h.exchange(updates.text(user, words), user.id);
  const [opened] = await h.exchange(updates.text(user, "ha"), user.id);
  expect(opened?.text).toContain("#");
  return h.until("the case", () => h.cases.service.cases.openFor({ channel: "telegram", id: String(user.id) }));
}

function press(h: Hotline, who: typeof aigul, data: string, on: Message) {
  return h.telegram.deliver(updates.callback(who, data, on));
}

describe("hotline staff desk on Telegram", { timeout: E2E_TIMEOUT }, () => {
  let h: Hotline | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("opens a topic with a summary card for a Telegram migrant, relays both ways, keeps notes internal, closes with feedback", async () => {
    h = await startHotline();
    const id = await openOnTelegram(h);
    const topic = await h.topicOf(id);
    const created = h.api.callsOf("createForumTopic", { ok: true });
    expect(created).toHaveLength(1);
    expect(created[0]!.payload).toMatchObject({ chat_id: STAFF_CHAT, name: `#${id} · Uzbek · /human` });
    const card = await h.cardOf(id);
    expect(card.message_thread_id).toBe(topic);
    expect(card.text).toContain(`Case #${id}`);
    expect(card.text).toContain("Language: Uzbek");
    expect(card.text).toContain("Channel: telegram");
    expect(card.text).toContain("Ish beruvchi pasportimni oldi");
    expect(card.text).toContain(`tg://user?id=${migrant.id}`); // the user agreed ("ha")
    expect(card.reply_markup?.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([`case:take:${id}`, `case:close:${id}`]);

    // Aigul takes it; the migrant hears a consultant joined (in Uzbek).
    await press(h, aigul, `case:take:${id}`, card);
    await h.until("the user told", () => h!.texts(migrant.id).some((t) => t.includes("maslahatchisi qo'shildi")));
    expect((await h.cases.service.cases.get(id))?.assignee?.name).toBe("Aigul");
    await h.until("the card shows the assignee", () => h!.api.message(STAFF_CHAT, card.message_id)?.text?.includes("with Aigul"));

    // The assignee's words go to the migrant; Bakyt's and a /note stay in the group.
    await h.telegram.deliver(updates.groupText(staffGroup, aigul, "Salom! Qayerdasiz?", topic));
    await h.telegram.deliver(updates.groupText(staffGroup, bakyt, "looks like forced labour", topic));
    await h.telegram.deliver(updates.groupText(staffGroup, aigul, "/note called the partner NGO", topic));
    await h.until("the reply relayed", () => h!.texts(migrant.id).includes("Salom! Qayerdasiz?"));

    // The migrant answers with text, a sticker, a voice note and a photo: all reach the topic as such.
    await h.telegram.deliver(updates.text(migrant, "Almatida, zavodda"));
    await h.telegram.deliver(updates.sticker(migrant));
    await h.telegram.deliver(updates.voice(migrant));
    await h.telegram.deliver(updates.photo(migrant, "shartnoma"));
    await h.until("the photo in the topic", () => h!.api.callsOf("sendPhoto", { chatId: STAFF_CHAT, ok: true }).length === 1);
    expect(h.texts(STAFF_CHAT, topic)).toContain("👤 Almatida, zavodda");
    for (const method of ["sendSticker", "sendVoice", "sendPhoto"]) {
      const [call] = h.api.callsOf(method, { chatId: STAFF_CHAT, ok: true });
      expect(call?.payload.message_thread_id).toBe(topic);
    }
    expect(h.api.callsOf("sendSticker", { chatId: STAFF_CHAT })[0]!.payload.sticker).toBe("CAACsticker");
    const all = h.texts(migrant.id).join("\n");
    expect(all).not.toContain("forced labour");
    expect(all).not.toContain("partner NGO");
    const log = await h.cases.service.cases.log(id);
    expect(log.filter((e) => e.type === "note").map((e) => e.text)).toEqual(["looks like forced labour", "called the partner NGO"]);

    // Close: outcome buttons in the topic, then the migrant is told and rates the talk.
    await press(h, aigul, `case:close:${id}`, card);
    const ask = await h.until("the outcome question", () => h!.sent(STAFF_CHAT, topic).find((m) => m.text?.startsWith(`Outcome of case #${id}`)));
    expect(ask.reply_markup?.inline_keyboard.flat()).toHaveLength(5);
    await press(h, aigul, `case:out:${id}:referred`, ask);
    const feedback = await h.until("the feedback question", () => h!.sent(migrant.id).find((m) => m.reply_markup?.inline_keyboard.length === 5));
    expect((await h.cases.service.cases.get(id))?.outcome).toBe("referred");
    await h.exchange(updates.callback(migrant, `c:case-fb:${id}:5`, feedback), migrant.id);
    expect((await h.cases.service.cases.get(id))?.feedback).toBe(5);
    await h.until("the topic marked closed", () => h!.api.topics.find((t) => t.threadId === topic)?.name.startsWith(`✅ #${id} · Uzbek`));
    await h.until("the rating in the topic", () => h!.texts(STAFF_CHAT, topic).includes("The user rated the conversation 5 of 5."));
    // After the close the migrant talks to the bot again.
    const [menu] = await h.exchange(updates.command(migrant, "menu"), migrant.id);
    expect(menu?.reply_markup?.inline_keyboard.length).toBeGreaterThan(3);
  });

  it("opens a case for a WhatsApp migrant and relays to WhatsApp, never showing the number without consent", async () => {
    h = await startHotline();
    h.wa.receive({ from: WA, body: "/human" });
    await h.until("the intro", () => h!.wa.textsTo(WA).length >= 1);
    h.wa.receive({ from: WA, body: "Меня не выпускают с работы" });
    await h.until("the consent question", () => h!.wa.textsTo(WA).length >= 2);
    h.wa.receive({ from: WA, body: "нет" });
    const id = await h.until("the case", () => h!.cases.service.cases.openFor({ channel: "whatsapp", id: WA }));
    const topic = await h.topicOf(id);
    const card = await h.cardOf(id);
    expect(card.text).toContain("Channel: whatsapp");
    expect(card.text).toContain("hidden (the user did not agree)");
    expect(card.text).not.toContain("7001234567");
    expect(h.api.topics.find((t) => t.threadId === topic)?.name).toMatch(new RegExp(`^#${id} · `));

    await press(h, bakyt, `case:take:${id}`, card);
    await h.telegram.deliver(updates.groupText(staffGroup, bakyt, "Здравствуйте, где вы сейчас?", topic));
    await h.until("the reply on WhatsApp", () => h!.wa.textsTo(WA).some((t) => t.includes("где вы сейчас?")));
    h.wa.receive({ from: WA, body: "В общежитии" });
    await h.until("the answer in the topic", () => h!.texts(STAFF_CHAT, topic).includes("👤 В общежитии"));
    // A photo from the consultant cannot go to WhatsApp as a Telegram file: the caption does, the staff are told.
    await h.telegram.deliver({
      message: { ...updates.groupText(staffGroup, bakyt, "", topic).message!, text: undefined, photo: [{ file_id: "AgACstaff", file_unique_id: "s1", width: 9, height: 9 }], caption: "Адрес центра" } as never,
    });
    await h.until("the caption on WhatsApp", () => h!.wa.textsTo(WA).some((t) => t.includes("Адрес центра")));
    await h.until("the staff told", () => h!.texts(STAFF_CHAT, topic).some((t) => t.includes("cannot receive this file")));
    // "end chat" words leave the chat; the consultant sees it.
    h.wa.receive({ from: WA, body: "Завершить чат" });
    await h.until("the staff see the user left", () => h!.texts(STAFF_CHAT, topic).includes("The user left the chat."));
  });

  it("refuses Take and Close to someone not on the allow-list", async () => {
    h = await startHotline();
    const id = await openOnTelegram(h);
    const topic = await h.topicOf(id);
    const card = await h.cardOf(id);
    const before = h.api.lastSeq;
    await press(h, stranger, `case:take:${id}`, card);
    await press(h, stranger, `case:close:${id}`, card);
    const answers = await h.until("two answers", () => (h!.answers(before).length >= 2 ? h!.answers(before) : undefined));
    for (const a of answers) expect(a.payload).toMatchObject({ text: "Only hotline consultants can do this.", show_alert: true });
    await h.telegram.deliver(updates.groupText(staffGroup, stranger, "/close info", topic));
    await h.telegram.deliver(updates.groupText(staffGroup, stranger, "I can help you!", topic));
    await h.telegram.deliver(updates.groupText(staffGroup, stranger, "/cases"));
    await h.until("the refusal in the topic", () => h!.texts(STAFF_CHAT, topic).includes("Only hotline consultants can do this."));
    const c = await h.cases.service.cases.get(id);
    expect(c?.status).toBe("waiting");
    expect(c?.assignee).toBeUndefined();
    expect(h.texts(migrant.id).join("\n")).not.toContain("I can help you!");
    expect(h.sent(STAFF_CHAT, topic).some((m) => m.text?.startsWith("Outcome of case"))).toBe(false);
    // The stranger's /cases got nothing: after a consultant's /cases there is exactly one list.
    await h.telegram.deliver(updates.groupText(staffGroup, aigul, "/cases"));
    await h.until("the consultant's list", () => h!.sent(STAFF_CHAT).some((m) => m.text?.startsWith("Open cases:")));
    expect(h.sent(STAFF_CHAT).filter((m) => m.text?.startsWith("Open cases:"))).toHaveLength(1);
  });

  it("tells the second of two consultants pressing Take who has the case", async () => {
    h = await startHotline();
    const id = await openOnTelegram(h);
    const card = await h.cardOf(id);
    const before = h.api.lastSeq;
    await Promise.all([press(h, aigul, `case:take:${id}`, card), press(h, bakyt, `case:take:${id}`, card)]);
    const answers = await h.until("two answers", () => (h!.answers(before).length >= 2 ? h!.answers(before) : undefined));
    const texts = answers.map((a) => String(a.payload.text));
    const winner = (await h.cases.service.cases.get(id))!.assignee!.name;
    expect(texts).toContain(`${winner} already has this case.`);
    expect(texts.filter((t) => t.includes("took the case"))).toHaveLength(1);
    expect(h.texts(migrant.id).filter((t) => t.includes("qo'shildi"))).toHaveLength(1);
  });

  it("takes over with /transfer and reopens with /reopen", async () => {
    h = await startHotline();
    const id = await openOnTelegram(h);
    const topic = await h.topicOf(id);
    const card = await h.cardOf(id);
    await press(h, aigul, `case:take:${id}`, card);
    await h.until("taken", async () => (await h!.cases.service.cases.get(id))?.assignee);
    await h.telegram.deliver(updates.groupText(staffGroup, bakyt, "/transfer", topic));
    await h.until("transferred", () => h!.texts(STAFF_CHAT, topic).includes("Bakyt took over the case from Aigul."));
    await h.telegram.deliver(updates.groupText(staffGroup, bakyt, "/tpl safe", topic));
    await h.until("the canned reply in Uzbek", () => h!.texts(migrant.id).some((t) => t.startsWith("Hozir xavfsiz joydamisiz?")));
    // A photo from the assignee reaches a Telegram user as a photo, with its caption.
    await h.telegram.deliver({
      message: { ...updates.groupText(staffGroup, bakyt, "", topic).message!, text: undefined, photo: [{ file_id: "AgACsmall", file_unique_id: "s0", width: 9, height: 9 }, { file_id: "AgACstaff", file_unique_id: "s1", width: 90, height: 90 }], caption: "Manzil" } as never,
    });
    const photo = await h.until("the photo to the user", () => h!.api.callsOf("sendPhoto", { chatId: migrant.id, ok: true })[0]);
    expect(photo.payload).toMatchObject({ photo: "AgACstaff", caption: "Manzil" });
    await h.telegram.deliver(updates.groupText(staffGroup, bakyt, "/close no-reply", topic));
    await h.until("closed", async () => (await h!.cases.service.cases.get(id))?.status === "closed");
    await h.telegram.deliver(updates.groupText(staffGroup, aigul, "/reopen", topic));
    await h.until("reopened", async () => (await h!.cases.service.cases.get(id))?.status === "assigned");
    expect((await h.cases.service.cases.get(id))?.assignee?.name).toBe("Aigul");
    // The migrant's messages reach the consultant again.
    await h.telegram.deliver(updates.text(migrant, "Rahmat, yana savol bor"));
    await h.until("relayed after the reopen", () => h!.texts(STAFF_CHAT, topic).includes("👤 Rahmat, yana savol bor"));
    // /cases in the general topic lists what is open.
    await h.telegram.deliver(updates.groupText(staffGroup, bakyt, "/cases"));
    const list = await h.until("the list", () => h!.sent(STAFF_CHAT).find((m) => m.message_thread_id === undefined && m.text?.startsWith("Open cases:")));
    expect(list.text).toContain(`#${id} assigned normal Uzbek telegram /human`);
    expect(list.text).toContain("· Aigul");
  });

  it("posts a user's message in the general topic when the case topic was deleted", async () => {
    h = await startHotline();
    const id = await openOnTelegram(h);
    const topic = await h.topicOf(id);
    h.api.topics.splice(h.api.topics.findIndex((t) => t.threadId === topic), 1); // someone deleted it
    await h.telegram.deliver(updates.text(migrant, "Yordam kerak"));
    const general = await h.until("the message in the general topic", () => h!.sent(STAFF_CHAT).find((m) => m.message_thread_id === undefined && m.text?.includes("Yordam kerak")));
    expect(general.text).toBe(`#${id} · 👤 Yordam kerak`);
  });

  it("keeps relaying after the bot restarts in the middle of a case", async () => {
    h = await startHotline();
    const id = await openOnTelegram(h);
    const topic = await h.topicOf(id);
    await press(h, aigul, `case:take:${id}`, await h.cardOf(id));
    await h.until("taken", async () => (await h!.cases.service.cases.get(id))?.assignee);
    await h.stop();

    const second = await startHotline({ prefix: h.store.prefix, api: h.api });
    try {
      await second.telegram.deliver(updates.text(migrant, "Hali ham shu yerdaman"));
      await second.until("relayed by the new process", () => second.texts(STAFF_CHAT, topic).includes("👤 Hali ham shu yerdaman"));
      await second.telegram.deliver(updates.groupText(staffGroup, aigul, "Yaxshi, kuting", topic));
      await second.until("the reply after the restart", () => second.texts(migrant.id).includes("Yaxshi, kuting"));
    } finally {
      await second.stop();
    }
  });
});
