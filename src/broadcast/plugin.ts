import { z } from "zod";
import type { Plugin } from "../engine/plugin.ts";
import type { PluginDeps } from "../app/deps.ts";
import { defineKind, type NodeKind } from "../engine/node-kind.ts";
import { Id, MessageRefSchema } from "../engine/schema-parts.ts";
import { userKey } from "../engine/types.ts";
import { knownSegments, segmentKey } from "../alerts/audience.ts";
import { createAlertWorker } from "../alerts/worker.ts";
import type { AlertSender } from "../alerts/sender.ts";

/** The alert segments every deployment has; flows may define more (any `subscribe` node's `segments`). */
export const SEGMENTS = ["kz", "abroad"] as const;

export { segmentKey };

const subscribeKind = defineKind({
  type: "subscribe",
  schema: z.strictObject({ id: Id, type: z.literal("subscribe"), segments: z.array(Id).min(1), text: MessageRefSchema, next: Id.optional() }),
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

/** The broadcast plugin, with the alert sender once started. */
export interface BroadcastPlugin extends Plugin {
  sender: AlertSender | undefined;
}

/**
 * Alert subscriptions: flow nodes to subscribe and unsubscribe, and the sets of subscribers per
 * segment in the store (what an alert's audience reads). `/stop`, `/forget` and the alerts menu
 * unsubscribe from all. `start()` runs the alert sender (`src/alerts/`) in `jol start`.
 */
export function createBroadcastPlugin(deps: PluginDeps): BroadcastPlugin {
  const segments = () => [...new Set([...SEGMENTS, ...knownSegments(deps.flows)])];
  const leave = async (user: string) => {
    for (const segment of segments()) await deps.store.srem(segmentKey(segment), user);
  };
  const plugin: BroadcastPlugin = {
    name: "broadcast",
    sender: undefined,
    kinds: [subscribeKind, unsubscribeKind] as unknown as NodeKind[], // kinds are typed by their own node shapes
    effects: {
      async subscribe(effect, ctx) {
        if (effect.type !== "subscribe") return;
        for (const segment of effect.segments) await ctx.store.sadd(segmentKey(segment), userKey(ctx.address));
      },
      unsubscribe: (_effect, ctx) => leave(userKey(ctx.address)),
      forget: (_effect, ctx) => leave(userKey(ctx.address)),
    },
    start() {
      plugin.sender ??= createAlertWorker(deps, segments);
      plugin.sender.start();
    },
    async stop() {
      await plugin.sender?.stop();
      plugin.sender = undefined;
    },
  };
  return plugin;
}
