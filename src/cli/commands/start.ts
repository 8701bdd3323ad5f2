import type { Command } from "commander";
import { loadConfig } from "../../config/load.ts";
import { createApp } from "../../app/create.ts";
import { createLogger } from "../../log.ts";
import { ConsoleChannel } from "../../channels/console/console-channel.ts";
import type { Channel } from "../../channels/channel.ts";
import type { App } from "../../app/app.ts";
import { Recovery } from "../../router/recovery.ts";

/** The longest a SIGTERM/SIGINT shutdown may take. */
const STOP_DEADLINE_MS = 9_000;

/**
 * The channels the settings turn on. Telegram and WhatsApp are loaded only when configured, so
 * the console demo starts without their SDKs' weight.
 */
async function configuredChannels(app: App): Promise<Channel[]> {
  const channels: Channel[] = [];
  if (app.config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramChannel } = await import("../../channels/telegram/index.ts");
    channels.push(createTelegramChannel(app));
  }
  if (app.config.WHATSAPP_ENABLED) {
    const { createWhatsAppChannel } = await import("../../channels/whatsapp/index.ts");
    channels.push(createWhatsAppChannel(app));
  }
  return channels;
}

/** `jol start` — run every configured channel until SIGINT/SIGTERM; with none configured, the console. */
export function register(program: Command): void {
  program
    .command("start")
    .description("run every configured channel (Telegram, WhatsApp; the console chat when none is configured) until SIGINT/SIGTERM")
    .action(async () => {
      const config = loadConfig();
      const log = createLogger({ level: config.LOG_LEVEL });
      const app = await createApp({ config, log });
      const channels = await configuredChannels(app);
      let console: ConsoleChannel | undefined;
      if (channels.length === 0 && !process.stdin.isTTY) {
        // In a container with no channel configured the console would read end-of-input at once and
        // exit, and the container would restart forever: say what is missing instead.
        await app.close();
        process.stderr.write(
          "No channel is configured and standard input is not a terminal: set TELEGRAM_BOT_TOKEN and/or WHATSAPP_ENABLED=1 (see `npx jol config --vars`), or run `npx jol chat` for the console.\n",
        );
        process.exitCode = 1;
        return;
      }
      if (channels.length === 0) {
        log.info("no channel configured (TELEGRAM_BOT_TOKEN, WHATSAPP_ENABLED): starting the console chat");
        console = new ConsoleChannel(app, { user: "local" });
        channels.push(console);
      }
      for (const channel of channels) app.channels.add(channel);
      if (!config.WHATSAPP_ENABLED && config.REDIS_URL) {
        // WhatsApp runs in another process (one browser per number): reach its users through the shared outbox.
        const { createWhatsAppOutbox } = await import("../../channels/whatsapp/outbox.ts");
        const outbox = createWhatsAppOutbox(app);
        app.channels.add(outbox);
        await outbox.start();
      }
      for (const channel of channels) await channel.start();
      // Messages a stopped or crashed process left in inboxes and outboxes are handled and sent.
      const recovery = new Recovery({ store: app.store, router: app.router, outbox: app.outbox, log });
      await recovery.start();
      for (const plugin of app.plugins) await plugin.start?.();
      log.info("jol started", { channels: channels.map((c) => c.name).join(",") });
      if (console) await console.say({ kind: "command", name: "start" });

      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info("stopping", { signal });
        // Whatever the backlog, the process is gone within 10 s: what is not sent stays committed.
        setTimeout(() => {
          log.warn("stopping took too long; exiting, the rest stays stored for the next start");
          process.exit(0);
        }, STOP_DEADLINE_MS).unref();
        const step = (what: string, work: () => Promise<void> | undefined) =>
          Promise.resolve(work()).catch((e: unknown) => log.error("stop step failed", { step: what, error: String(e) }));
        // Intake first: polling stops (what it fetched is stored), the webhook answers 503.
        for (const channel of channels) await step(`${channel.name} intake`, () => channel.stopIntake?.());
        await step("recovery", () => recovery.stop());
        await step("router", () => app.router.stop()); // the messages in hand are committed
        await step("outbox", () => app.outbox.stop()); // sends in flight finish or stay queued
        for (const plugin of app.plugins) await step(plugin.name, () => plugin.stop?.());
        for (const channel of channels) await step(channel.name, () => channel.stop());
        await app.close();
        log.info("stopped");
      };
      await new Promise<void>((resolve) => {
        process.once("SIGINT", () => void stop("SIGINT").then(resolve));
        process.once("SIGTERM", () => void stop("SIGTERM").then(resolve));
        void console?.done.then(() => stop("end of input").then(resolve));
      });
    });
}
