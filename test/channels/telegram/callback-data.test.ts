import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeChoice, encodeChoice, rememberChoices, MAX_CALLBACK_BYTES } from "../../../src/channels/telegram/callback-data.ts";
import { MemoryStore } from "../../../src/store/memory.ts";

describe("callback data", () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it("sends a short token inline and reads it back", async () => {
    const encoded = encodeChoice("main/menu/jobs");
    expect(encoded).toEqual({ data: "c:main/menu/jobs" });
    expect(await decodeChoice(encoded.data, store)).toEqual({ ok: true, token: "main/menu/jobs" });
  });

  it("hashes a token that would exceed 64 bytes and resolves it through the store", async () => {
    const token = `screening-job-offer/${"question-".repeat(5)}/яблоко-${"x".repeat(10)}`;
    const encoded = encodeChoice(token);
    expect(Buffer.byteLength(encoded.data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
    expect(encoded.data.startsWith("h:")).toBe(true);
    expect(await decodeChoice(encoded.data, store)).toEqual({ ok: false, reason: "expired" });
    await rememberChoices(store, [encoded], 60_000);
    expect(await decodeChoice(encoded.data, store)).toEqual({ ok: true, token });
    expect(encodeChoice(token).data).toBe(encoded.data);
  });

  it("rejects garbage and forged formats without throwing", async () => {
    for (const data of [undefined, "", "hello", "c:", "h:short", "h:../../etc/passwd______", "c:\u0000x", "x".repeat(65)]) {
      expect((await decodeChoice(data, store)).ok).toBe(false);
    }
    expect(await decodeChoice("h:AAAAAAAAAAAAAAAAAAAAAA", store)).toEqual({ ok: false, reason: "expired" });
  });
});
