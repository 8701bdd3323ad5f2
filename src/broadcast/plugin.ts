import { z } from "zod";
import type { Plugin } from "../engine/plugin.ts";
import type { PluginEffects } from "../engine/effect-context.ts";
import { defineKind, type NodeKind } from "../engine/node-kind.ts";
import { Id, MessageRefSchema } from "../engine/schema-parts.ts";
import { userKey } from "../core/address.ts";

/** The alert segments a user can subscribe to. */
export const SEGMENTS = ["kz", "abroad"] as const;

/** Store key of the set of users subscribed to a segment. */
export const segmentKey = (segment: string) => `alerts:${segment}`;

const subscribeKind = defineKind({
  type: "subscribe",
  schema: z.strictObject({ id: Id, type: z.literal("subscribe"), segments: z.array(z.enum(SEGMENTS)).min(1), text: MessageRefSchema, next: Id.optional() }),
  waits: false,
  enter(node, ctx) {
    ctx.emit({ type: "subscribe", segments: node.segments });
    ctx.session.subs = [...new Set([...(ctx.session.subs ?? []), ...node.segments])];
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
    ctx.emit({ type: "unsubscribe" });
    delete ctx.session.subs;
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
    kinds: [subscribeKind, unsubscribeKind] as unknown as NodeKind[], // kinds are typed by their own node shapes
    effects: {
      async subscribe(effect, ctx) {
        if (effect.type !== "subscribe") return;
        for (const segment of effect.segments) await ctx.store.sadd(segmentKey(segment), userKey(ctx.address));
      },
      async unsubscribe(_effect, ctx) {
        for (const segment of SEGMENTS) await ctx.store.srem(segmentKey(segment), userKey(ctx.address));
      },
      async forget(_effect, ctx) {
        for (const segment of SEGMENTS) await ctx.store.srem(segmentKey(segment), userKey(ctx.address));
      },
    },
  };
}
