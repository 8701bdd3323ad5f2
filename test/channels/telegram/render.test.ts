import { describe, expect, it } from "vitest";
import { render } from "../../../src/channels/telegram/render.ts";

describe("render", () => {
  it("sends plain text (no parse mode, so user text needs no escaping) with choices as one-per-row inline keyboard", () => {
    const { calls, choices } = render([{ text: "Pick <b>one</b> *now*", choices: [{ id: "main/menu/a", label: "A & B" }, { id: "main/menu/b", label: "<C>" }] }]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe("sendMessage");
    expect(calls[0]!.payload.parse_mode).toBeUndefined();
    expect(calls[0]!.payload.text).toBe("Pick <b>one</b> *now*");
    expect(calls[0]!.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: "A & B", callback_data: "c:main/menu/a" }], [{ text: "<C>", callback_data: "c:main/menu/b" }]],
    });
    expect(choices.map((c) => c.data)).toEqual(["c:main/menu/a", "c:main/menu/b"]);
  });

  it("splits a 5,000-character text at a paragraph boundary and puts the keyboard under the last part", () => {
    const para = (n: number, ch: string) => `${ch.repeat(n - 1)}.`;
    const text = [para(2000, "a"), para(1500, "b"), para(1496, "c")].join("\n\n");
    expect(text.length).toBe(5000);
    const { calls } = render([{ text, choices: [{ id: "f/n/ok", label: "OK" }] }]);
    expect(calls.map((c) => (c.payload.text as string).length)).toEqual([3502, 1496]);
    expect(calls[0]!.payload.reply_markup).toBeUndefined();
    expect(calls[1]!.payload.reply_markup).toBeDefined();
    expect(calls.map((c) => c.payload.text).join("\n\n")).toBe(text);
  });

  it("relays media with the text as caption when it fits", () => {
    const { calls } = render([{ text: "from your consultant", media: { kind: "photo", fileId: "AgAC1" } }]);
    expect(calls).toEqual([{ method: "sendPhoto", payload: { photo: "AgAC1", caption: "from your consultant" } }]);
  });

  it("joins consecutive texts of one reply into one message under the last one's buttons, when they fit", () => {
    const { calls } = render([
      { text: "Language set.", keys: ["language-set"] },
      { text: "Main menu", choices: [{ id: "main/menu/a", label: "A" }] },
      { text: "after buttons" },
    ]);
    expect(calls.map((c) => c.payload.text)).toEqual(["Language set.\n\nMain menu", "after buttons"]);
    expect(calls[0]!.payload.reply_markup).toBeDefined();
    const big = render([{ text: "x".repeat(3000) }, { text: "y".repeat(2000) }]).calls;
    expect(big.map((c) => (c.payload.text as string).length)).toEqual([3000, 2000]);
    const media = render([{ text: "see photo" }, { text: "", media: { kind: "photo", fileId: "F" } }]).calls;
    expect(media.map((c) => c.method)).toEqual(["sendMessage", "sendPhoto"]);
  });

  it("adds extra fields (a forum thread) to every call", () => {
    const { calls } = render([{ text: "x", media: { kind: "document", fileId: "D" } }, { text: "y" }], { message_thread_id: 9 });
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.payload.message_thread_id === 9)).toBe(true);
  });
});
