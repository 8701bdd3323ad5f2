import type { Command } from "commander";
import { loadConfig } from "../../config/load.ts";
import { createApp } from "../../app/create.ts";
import { createLogger } from "../../log.ts";
import { ConsoleChannel } from "../../channels/console/console-channel.ts";
import type { Channel } from "../../channels/channel.ts";
import type { App } from "../../app/app.ts";
import { redisTarget } from "../../store/client.ts";

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
      if (!config.WHATSAPP_ENABLED && redisTarget(config)) {
        // WhatsApp runs in another process (one browser per number): reach its users through the shared outbox.
        const { createWhatsAppOutbox } = await import("../../channels/whatsapp/outbox.ts");
        const outbox = createWhatsAppOutbox(app);
        app.channels.add(outbox);
        await outbox.start();
      }
      for (const channel of channels) await channel.start();
      for (const plugin of app.plugins) await plugin.start?.();
      log.info("jol started", { channels: channels.map((c) => c.name).join(",") });
      if (console) await console.say({ kind: "command", name: "start" });

      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info("stopping", { signal });
        for (const plugin of app.plugins) await plugin.stop?.().catch(() => undefined);
        for (const channel of channels) await channel.stop().catch((e: unknown) => log.error("channel stop failed", { channel: channel.name, error: String(e) }));
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
