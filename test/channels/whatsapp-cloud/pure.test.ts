/** The Cloud transport's pure parts: webhook payload → Inbound, Outbound → Graph payloads, signatures, error mapping. */
import { describe, expect, it } from "vitest";
import { toCloudUpdate } from "../../../src/channels/whatsapp-cloud/to-inbound.ts";
import { CLOUD_LIMITS, renderCloud } from "../../../src/channels/whatsapp-cloud/render.ts";
import { signBody, validSignature } from "../../../src/channels/whatsapp-cloud/signature.ts";
import { deliveryFailure, GraphError, PairRateLimitedError } from "../../../src/channels/whatsapp-cloud/errors.ts";
import { BlockedError, DeliveryError, RateLimitedError } from "../../../src/core/delivery-errors.ts";
import { toWire } from "../../../src/channels/whatsapp-cloud/graph-client.ts";
import { hooks } from "../../support/graph-api/index.ts";
import type { CloudWebhook } from "../../../src/channels/whatsapp-cloud/payload.ts";

const FROM = "998901234567";
const one = (message: Record<string, unknown>) => toCloudUpdate(hooks.messages(FROM, [message]) as CloudWebhook);

describe("toCloudUpdate", () => {
  it("text: the body, wamid as message id, the profile name and a language hint from +998", () => {
    const { messages } = one(hooks.text("  salom  ", { id: "wamid.A", timestamp: "1700000000" }));
    expect(messages).toEqual([
      { inbound: { address: { channel: "whatsapp", id: FROM }, messageId: "wamid.A", input: { kind: "text", text: "salom" }, langHint: "uz", name: "Test User" }, sentAt: 1_700_000_000_000 },
    ]);
  });

  it("button and list replies → choices with the reply id; a template quick reply → its text", () => {
    expect(one(hooks.buttonReply("c:menu/start/a")).messages[0]?.inbound.input).toEqual({ kind: "choice", data: "c:menu/start/a" });
    expect(one(hooks.listReply("c:menu/start/b")).messages[0]?.inbound.input).toEqual({ kind: "choice", data: "c:menu/start/b" });
    expect(one({ type: "button", button: { payload: "Read", text: "Read" } }).messages[0]?.inbound.input).toEqual({ kind: "text", text: "Read" });
  });

  it.each([
    [{ type: "image", image: { id: "m1", caption: " see " } }, { kind: "media", media: "photo", fileId: "m1", caption: "see" }],
    [{ type: "audio", audio: { id: "m2", voice: true } }, { kind: "media", media: "voice", fileId: "m2" }],
    [{ type: "audio", audio: { id: "m3" } }, { kind: "media", media: "audio", fileId: "m3" }],
    [{ type: "video", video: { id: "m4" } }, { kind: "media", media: "video", fileId: "m4" }],
    [{ type: "document", document: { id: "m5", filename: "contract.pdf", caption: "my contract" } }, { kind: "media", media: "document", fileId: "m5", caption: "my contract" }],
    [{ type: "sticker", sticker: { id: "m6" } }, { kind: "media", media: "sticker", fileId: "m6" }],
    [{ type: "location", location: { latitude: 43.2, longitude: 76.9 } }, { kind: "media", media: "location" }],
    [{ type: "contacts", contacts: [{ name: { formatted_name: "A" } }] }, { kind: "media", media: "contact" }],
    [{ type: "unsupported", errors: [{ code: 131051, title: "Message type unknown" }] }, { kind: "media", media: "other" }],
  ])("%j → media", (message, input) => {
    expect(one(message).messages[0]?.inbound.input).toEqual(input);
  });

  it("reactions and system notices are not answered; other objects and malformed senders are ignored", () => {
    expect(one({ type: "reaction", reaction: { message_id: "wamid.X", emoji: "👍" } })).toMatchObject({ messages: [], ignored: 1 });
    expect(one({ type: "system", system: { body: "changed number" } }).messages).toEqual([]);
    expect(toCloudUpdate({ object: "page", entry: [] }).messages).toEqual([]);
    expect(toCloudUpdate(hooks.messages("not-a-number", [hooks.text("x")]) as CloudWebhook).messages).toEqual([]);
  });

  it("statuses: sent, delivered, read and failed with their error codes", () => {
    const update = toCloudUpdate(
      hooks.statuses([
        { id: "wamid.1", status: "sent", recipient_id: FROM },
        { id: "wamid.1", status: "delivered", recipient_id: FROM },
        { id: "wamid.1", status: "read", recipient_id: FROM },
        { id: "wamid.2", status: "failed", recipient_id: FROM, errors: [{ code: 131047, title: "Re-engagement message" }] },
      ]) as CloudWebhook,
    );
    expect(update.statuses.map((s) => [s.status, s.codes])).toEqual([
      ["sent", []],
      ["delivered", []],
      ["read", []],
      ["failed", [131047]],
    ]);
  });
});

describe("renderCloud", () => {
  const choices = (n: number, label = (i: number) => `Choice ${i + 1}`) => Array.from({ length: n }, (_, i) => ({ id: `menu/start/c${i}`, label: label(i) }));
  const render = (text: string, n: number, label?: (i: number) => string) => renderCloud([{ text, choices: choices(n, label) }], { listButton: "Choose" });

  it("up to 3 short choices → reply buttons whose ids decode like Telegram's callback data", () => {
    const { payloads } = render("Hello", 3);
    expect(payloads).toEqual([
      {
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "Hello" },
          action: { buttons: [0, 1, 2].map((i) => ({ type: "reply", reply: { id: `c:menu/start/c${i}`, title: `Choice ${i + 1}` } })) },
        },
      },
    ]);
  });

  it("a label over 20 characters or 4-10 choices → a list, titles cut at 24 with the whole label as description (≤ 72)", () => {
    const long = "A very long choice label that goes on and on and on for more than seventy-two characters";
    const { payloads } = render("Pick", 4, (i) => (i === 0 ? long : `Short ${i}`));
    const list = payloads[0] as { interactive: { type: string; action: { button: string; sections: Array<{ rows: Array<{ title: string; description?: string }> }> } } };
    expect(list.interactive.type).toBe("list");
    expect(list.interactive.action.button).toBe("Choose");
    const rows = list.interactive.action.sections[0]!.rows;
    expect(rows).toHaveLength(4);
    expect([...rows[0]!.title].length).toBe(CLOUD_LIMITS.rowTitle);
    expect([...rows[0]!.description!].length).toBe(CLOUD_LIMITS.rowDescription);
    expect(rows[1]).toEqual({ id: "c:menu/start/c1", title: "Short 1" });
    expect(render("Pick", 2, () => "Twenty-one characters").payloads[0]).toMatchObject({ interactive: { type: "list" } });
    expect(render("Pick", 10).payloads[0]).toMatchObject({ interactive: { type: "list" } });
  });

  it("more than 10 choices → numbered text, as on the web transport", () => {
    const { payloads, choices: encoded } = render("Pick", 11);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).toMatchObject({ type: "text" });
    expect((payloads[0] as { text: { body: string } }).text.body).toContain("11. Choice 11");
    expect(encoded).toEqual([]);
  });

  it("text over 4,096 characters is split; the part with buttons is at most 1,024", () => {
    const paragraph = "word ".repeat(300).trim(); // 1,499 characters
    const text = Array.from({ length: 4 }, () => paragraph).join("\n\n");
    const plain = renderCloud([{ text }], { listButton: "Choose" }).payloads as Array<{ text: { body: string } }>;
    expect(plain.length).toBeGreaterThan(1);
    expect(plain.every((p) => p.text.body.length <= CLOUD_LIMITS.text)).toBe(true);
    const withButtons = render(text, 2).payloads;
    const last = withButtons.at(-1) as { interactive: { body: { text: string } } };
    expect(last.interactive.body.text.length).toBeLessThanOrEqual(CLOUD_LIMITS.interactiveBody);
    expect(withButtons.slice(0, -1).every((p) => p.type === "text")).toBe(true);
  });

  it("markup in a label or text cannot turn into formatting; our own *bold* stays", () => {
    const { payloads } = renderCloud([{ text: "*Menu* _x_" }], { listButton: "Choose" });
    expect((payloads[0] as { text: { body: string } }).text.body).toMatch(/^\*Menu\* ˍxˍ$/);
  });

  it("media by id or link, sent under a field named after its type", () => {
    const { payloads } = renderCloud([{ text: "see", media: { kind: "photo", fileId: "m-9" } }], { listButton: "Choose" });
    expect(toWire(payloads[0]!)).toEqual({ type: "image", image: { id: "m-9", caption: "see" } });
  });
});

describe("signature", () => {
  const secret = "0123456789abcdef0123456789abcdef";
  it("accepts Meta's HMAC-SHA256 of the raw body and refuses a forged, missing or malformed one", () => {
    const body = Buffer.from('{"object":"whatsapp_business_account"}');
    expect(validSignature(body, signBody(body, secret), secret)).toBe(true);
    expect(validSignature(Buffer.from(body.toString() + " "), signBody(body, secret), secret)).toBe(false);
    expect(validSignature(body, signBody(body, "another-secret-0000000000000000"), secret)).toBe(false);
    expect(validSignature(body, undefined, secret)).toBe(false);
    expect(validSignature(body, "sha256=zz", secret)).toBe(false);
  });
});

describe("deliveryFailure", () => {
  const to = { channel: "whatsapp" as const, id: FROM };
  it("maps Meta's codes like Telegram's 403/429: 131026 blocked, 130429 pause, 131056 this user later, others retried", () => {
    expect(deliveryFailure(to, new GraphError(400, 131026, "x"))).toBeInstanceOf(BlockedError);
    expect(deliveryFailure(to, new GraphError(400, 130429, "x"))).toBeInstanceOf(RateLimitedError);
    expect(deliveryFailure(to, new GraphError(400, 131056, "x"))).toBeInstanceOf(PairRateLimitedError);
    const other = deliveryFailure(to, new GraphError(500, 1, "x"));
    expect(other).toBeInstanceOf(DeliveryError);
    expect(other).not.toBeInstanceOf(RateLimitedError);
  });
});
