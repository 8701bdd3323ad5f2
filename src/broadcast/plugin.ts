import { z } from "zod";
import type { Plugin } from "../engine/plugin.ts";
import type { EffectContext, PluginEffects } from "../engine/effect-context.ts";
import { defineKind } from "../engine/node-kind.ts";
import { Id, MessageRefSchema } from "../engine/schema-parts.ts";
import { userKey } from "../core/address.ts";
import { defineSlot } from "../engine/slots.ts";
import type { Store } from "../store/store.ts";
import { knownSegments, SEGMENTS, segmentKey } from "../alerts/audience.ts";
import { createAlertWorker, type AlertWorkerDeps } from "../alerts/worker.ts";
import type { AlertSender } from "../alerts/sender.ts";
import { AlertWizard, type WizardSettings } from "../alerts/wizard/wizard.ts";
import { alertStoreFor } from "../alerts/worker.ts";
import type { Bot } from "grammy";

export { SEGMENTS, segmentKey };

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
const SubscribeEffect = z.object({ type: z.literal("x-subscribe"), segments: z.array(z.string()) });

const subscribeKind = defineKind({
  type: "subscribe",
  schema: z.strictObject({ id: Id, type: z.literal("subscribe"), segments: z.array(Id).min(1), text: MessageRefSchema, next: Id.optional() }),
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

/** The broadcast plugin, with the alert sender once started (`jol start`). */
export interface BroadcastPlugin extends Plugin, PluginEffects {
  sender: AlertSender | undefined;
  start?(): void;
  stop?(): Promise<void>;
  /** The staff's `/alert` wizard and progress cards on the Telegram bot. */
  telegram?: (bot: Bot) => void;
}

/**
 * Alert subscriptions: flow nodes to subscribe and unsubscribe, and the sets of subscribers per
 * segment in the store (what an alert's audience reads). `/stop`, `/forget` and the alerts menu
 * unsubscribe from every segment. With `deps` (the app's), `start()` runs the alert sender
 * (`src/alerts/`) in `jol start`; without, the plugin only keeps the subscriptions.
 */
export function createBroadcastPlugin(deps?: AlertWorkerDeps & { config: AlertWorkerDeps["config"] & WizardSettings }): BroadcastPlugin {
  const segments = () => (deps ? [...new Set([...SEGMENTS, ...knownSegments(deps.flows)])] : [...SEGMENTS]);
  const leave = async (store: Store, user: string) => {
    for (const segment of segments()) await store.srem(segmentKey(segment), user);
  };
  const unsubscribeAll = async (_effect: unknown, ctx: EffectContext) => {
    await leave(ctx.store, userKey(ctx.address));
    subscriptionsSlot.clear(ctx.session);
  };
  const plugin: BroadcastPlugin = {
    name: "broadcast",
    sender: undefined,
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
  if (deps) {
    const wizard = new AlertWizard({ ...deps, alerts: alertStoreFor(deps), segments: () => [...segments()].sort() });
    plugin.telegram = (bot) => wizard.install(bot);
    plugin.start = () => {
      plugin.sender ??= createAlertWorker(deps, segments, { onProgress: (alert, ended) => wizard.progress(alert, ended) });
      plugin.sender.start();
    };
    plugin.stop = async () => {
      await plugin.sender?.stop();
      plugin.sender = undefined;
    };
  }
  return plugin;
}
