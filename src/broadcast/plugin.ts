import { z } from "zod";
import type { Plugin } from "../engine/plugin.ts";
import type { EffectContext, PluginEffects } from "../engine/effect-context.ts";
import { defineKind } from "../engine/node-kind.ts";
import { Id, MessageRefSchema } from "../engine/schema-parts.ts";
import { userKey } from "../core/address.ts";
import type { Effect } from "../engine/types.ts";
import { defineSlot } from "../engine/slots.ts";

/** The alert segments a user can subscribe to. */
export const SEGMENTS = ["kz", "abroad"] as const;

/** Store key of the set of users subscribed to a segment. */
export const segmentKey = (segment: string) => `alerts:${segment}`;

/** The segments a user subscribed to, in their session (before slots: the session's `subs`). */
const Subscriptions = z.object({ subs: z.array(z.string()).min(1) });
export const subscriptionsSlot = defineSlot({
  name: "broadcast",
  version: 1,
  schema: Subscriptions,
  legacy: (old) => {
    if (old.subs === undefined) return undefined; // read for every message: most sessions have none
    const parsed = Subscriptions.safeParse({ subs: old.subs });
    return parsed.success ? parsed.data : undefined;
  },
});

/** Subscribe the user to these segments (the store's sets follow in the effect handler). */
const SubscribeEffect = z.object({ type: z.literal("x-subscribe"), segments: z.array(z.enum(SEGMENTS)) });

const subscribeKind = defineKind({
  type: "subscribe",
  schema: z.strictObject({ id: Id, type: z.literal("subscribe"), segments: z.array(z.enum(SEGMENTS)).min(1), text: MessageRefSchema, next: Id.optional() }),
  waits: false,
  enter(node, ctx) {
    ctx.emit({ type: "x-subscribe", segments: node.segments });
    subscriptionsSlot.set(ctx.session, { subs: [...new Set([...(subscriptionsSlot.get(ctx.session)?.subs ?? []), ...node.segments])] });
    ctx.say(node.text);
    return node.next ? { to: "node", node: node.next } : { to: "end" };
  },
  refs: (node) => ({ nodes: node.next ? [node.next] : [], messages: [node.text] }),
});

const unsubscribeKind = defineKind({
  type: "unsubscribe",
  schema: z.strictObject({ id: Id, type: z.literal("unsubscribe"), text: MessageRefSchema, next: Id.optional() }),
  waits: false,
  enter(node, ctx) {
    ctx.emit({ type: "x-unsubscribe" });
    subscriptionsSlot.clear(ctx.session);
    ctx.say(node.text);
    return node.next ? { to: "node", node: node.next } : { to: "end" };
  },
  refs: (node) => ({ nodes: node.next ? [node.next] : [], messages: [node.text] }),
});

/**
 * Alert subscriptions: flow nodes to subscribe and unsubscribe, and the sets of subscribers per
 * segment in the store (what a broadcast reads). `/stop` and `/forget` unsubscribe from all.
 */
export function createBroadcastPlugin(): Plugin & PluginEffects {
  return {
    name: "broadcast",
    kinds: [subscribeKind, unsubscribeKind], // kinds are typed by their own node shapes
    session: subscriptionsSlot,
    effects: {
      async "x-subscribe"(effect, ctx) {
        const parsed = SubscribeEffect.safeParse(effect);
        if (!parsed.success) return;
        for (const segment of parsed.data.segments) await ctx.store.sadd(segmentKey(segment), userKey(ctx.address));
      },
      "x-unsubscribe": unsubscribeAll,
      // `/stop` ends the subscriptions (the engine has dropped the slot already).
      stop: unsubscribeAll,
      forget: unsubscribeAll,
    },
  };
}

async function unsubscribeAll(_effect: Effect, ctx: EffectContext): Promise<void> {
  for (const segment of SEGMENTS) await ctx.store.srem(segmentKey(segment), userKey(ctx.address));
  subscriptionsSlot.clear(ctx.session);
}
