import { z } from "zod";
import type { Plugin } from "../engine/plugin.ts";
import type { PluginEffects } from "../engine/effect-context.ts";
import { defineKind, type NodeKind } from "../engine/node-kind.ts";
import { Id, MessageRefSchema } from "../engine/schema-parts.ts";
import { userKey } from "../core/address.ts";
import type { Store } from "../store/store.ts";
import { knownSegments, SEGMENTS, segmentKey } from "../alerts/audience.ts";
import { createAlertWorker, type AlertWorkerDeps } from "../alerts/worker.ts";
import type { AlertSender } from "../alerts/sender.ts";

export { SEGMENTS, segmentKey };

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

/** The broadcast plugin, with the alert sender once started (`jol start`). */
export interface BroadcastPlugin extends Plugin, PluginEffects {
  sender: AlertSender | undefined;
  start?(): void;
  stop?(): Promise<void>;
}

/**
 * Alert subscriptions: flow nodes to subscribe and unsubscribe, and the sets of subscribers per
 * segment in the store (what an alert's audience reads). `/stop`, `/forget` and the alerts menu
 * unsubscribe from every segment. With `deps` (the app's), `start()` runs the alert sender
 * (`src/alerts/`) in `jol start`; without, the plugin only keeps the subscriptions.
 */
export function createBroadcastPlugin(deps?: AlertWorkerDeps): BroadcastPlugin {
  const segments = () => (deps ? [...new Set([...SEGMENTS, ...knownSegments(deps.flows)])] : [...SEGMENTS]);
  const leave = async (store: Store, user: string) => {
    for (const segment of segments()) await store.srem(segmentKey(segment), user);
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
      unsubscribe: (_effect, ctx) => leave(ctx.store, userKey(ctx.address)),
      forget: (_effect, ctx) => leave(ctx.store, userKey(ctx.address)),
    },
  };
  if (deps) {
    plugin.start = () => {
      plugin.sender ??= createAlertWorker(deps, segments);
      plugin.sender.start();
    };
    plugin.stop = async () => {
      await plugin.sender?.stop();
      plugin.sender = undefined;
    };
  }
  return plugin;
}
