import { randomUUID } from "node:crypto";
import type { Context } from "grammy";
import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { sleep } from "../../outbox/limiter.ts";
import type { Store } from "../../store/store.ts";

/**
 * The version of the wizard's conversation code. A half-written alert is a replay log of the
 * conversation: change it when the steps change so that a log of the old code is dropped (the
 * admin starts again with /alert) instead of replayed into the new code.
 */
export const WIZARD_VERSION = 2;

/** A half-written alert is dropped after a day without a step. */
export const DRAFT_TTL_MS = 86_400_000;
/** The conversation of one admin (its replay log). */
export const draftKey = (admin: number | string) => `al:wiz:${admin}`;
/** The admin's language for cards edited by any worker. */
export const uiKey = (chat: number) => `al:wiz:ui:${chat}`;
/** An update the wizard took (Telegram redelivers after a restart; a webhook may get one twice). */
const seenKey = (update: number) => `al:wiz:u:${update}`;
/** The admin whose update a worker is applying to the conversation. */
const lockKey = (admin: number) => `al:wiz:l:${admin}`;
const SEEN_TTL_MS = 3_600_000;
const LOCK_TTL_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

/**
 * The conversations plugin's storage over our `Store`: the state of one admin's wizard under
 * `al:wiz:<admin id>`, living a day after its last step, so any worker on the same Redis (or the
 * same worker after a restart) continues it.
 */
export function wizardStorage<C extends Context>(store: Store): ConversationStorage<C, ConversationData> {
  return {
    type: "key",
    version: WIZARD_VERSION,
    getStorageKey: (ctx) => (ctx.from ? String(ctx.from.id) : undefined),
    adapter: {
      async read(key) {
        const raw = await store.get(draftKey(key));
        if (raw === null) return undefined;
        const data = JSON.parse(raw) as Partial<VersionedState<ConversationData>>;
        // A draft of the wizard before it was a conversation (no version) is dropped: /alert starts anew.
        return Array.isArray(data.version) ? (data as VersionedState<ConversationData>) : undefined;
      },
      async write(key, state) {
        await store.set(draftKey(key), JSON.stringify(state), DRAFT_TTL_MS);
      },
      async delete(key) {
        await store.delete(draftKey(key));
      },
    },
  };
}

/** Whether this update is new to the wizard (an update delivered again is answered once). */
export function firstDelivery(store: Store, updateId: number): Promise<boolean> {
  return store.setIfAbsent(seenKey(updateId), "1", SEEN_TTL_MS);
}

/**
 * Apply one admin's updates one at a time over all workers: the conversation reads its state,
 * replays and writes it back, so two updates of one admin at two workers at once would lose one.
 * After LOCK_WAIT_MS the update goes on anyway (a lock left by a killed worker expires by itself).
 */
export async function oneAtATime<T>(store: Store, admin: number, run: () => Promise<T>): Promise<T> {
  const token = randomUUID();
  let held = false;
  for (let waited = 0; !held && waited < LOCK_WAIT_MS; waited += 50) {
    held = await store.setIfAbsent(lockKey(admin), token, LOCK_TTL_MS);
    if (!held) await sleep(50);
  }
  try {
    return await run();
  } finally {
    if (held) await store.deleteIfEquals(lockKey(admin), token);
  }
}
