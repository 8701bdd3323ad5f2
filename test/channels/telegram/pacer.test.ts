import { describe, expect, it } from "vitest";
import { createPacer } from "../../../src/channels/telegram/pacer.ts";

/** A fake clock: `sleep` advances time, so spacing is checked without waiting. */
function harness(options: Parameters<typeof createPacer>[0] = {}) {
  const t = 0;
  const sent: Array<{ method: string; chat: unknown; at: number }> = [];
  const pacer = createPacer({
    ...options,
    now: () => t,
    // Record the wait without advancing time: every reservation below happens "at once".
    sleep: async (ms) => {
      pending.push(ms);
    },
  });
  const pending: number[] = [];
  const prev = async (method: string, payload: Record<string, unknown>) => {
    sent.push({ method, chat: payload.chat_id, at: t });
    return { ok: true as const, result: true };
  };
  return {
    sent,
    waits: pending,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the transformer's generic payload type is not needed here
    call: (method: string, payload: Record<string, unknown>) => pacer(prev as any, method as any, payload as any),
  };
}

describe("pacer", () => {
  it("spaces messages to one private chat by a second, keeping order", async () => {
    const h = harness({ perSecond: 0 });
    await Promise.all([h.call("sendMessage", { chat_id: 1 }), h.call("sendMessage", { chat_id: 1 }), h.call("sendMessage", { chat_id: 1 })]);
    expect(h.waits).toEqual([1000, 2000]);
    expect(h.sent.map((s) => s.chat)).toEqual([1, 1, 1]);
  });

  it("does not hold back other chats, and keeps the whole bot within 30 a second", async () => {
    const h = harness({ perSecond: 30, perChatMs: 1000 });
    await Promise.all(Array.from({ length: 31 }, (_, i) => h.call("sendMessage", { chat_id: i + 1 })));
    // 31 different chats: the 31st waits a whole second, the others are 1/30 s apart.
    expect(h.waits).toHaveLength(30);
    expect(h.waits[29]).toBeCloseTo(1000, 5);
  });

  it("does not let one chat's waiting message hold up other chats", async () => {
    const h = harness({ perSecond: 30, perChatMs: 1000 });
    await Promise.all([h.call("sendMessage", { chat_id: 1 }), h.call("sendMessage", { chat_id: 1 }), h.call("sendMessage", { chat_id: 2 })]);
    // Chat 1's second message waits a second; chat 2's takes the next free 1/30 s slot.
    expect(h.waits).toHaveLength(2);
    expect(h.waits[0]).toBeCloseTo(1000, 5);
    expect(h.waits[1]).toBeCloseTo(1000 / 30, 5);
  });

  it("paces groups to 20 a minute and lets non-sending calls through", async () => {
    const h = harness({ perSecond: 0 });
    await Promise.all([h.call("sendMessage", { chat_id: -100 }), h.call("sendMessage", { chat_id: -100 })]);
    expect(h.waits).toEqual([3000]);
    await h.call("answerCallbackQuery", { callback_query_id: "x" });
    await h.call("sendChatAction", { chat_id: -100, action: "typing" });
    await h.call("editMessageReplyMarkup", { chat_id: -100, message_id: 1 });
    expect(h.waits).toEqual([3000]);
  });
});
