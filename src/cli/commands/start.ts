import type { Command } from "commander";
import type { Channel } from "../../channels/channel.ts";
import type { App } from "../../app/app.ts";

/**
 * The channels the settings turn on. Telegram and WhatsApp are loaded only when configured, so
 * the console demo starts without their SDKs' weight. The Telegram webhook answers 503 while
 * `ready()` is false (Redis away), so Telegram delivers the update again later.
 */
async function configuredChannels(app: App, ready: () => boolean): Promise<Channel[]> {
  const channels: Channel[] = [];
  if (app.config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramChannel } = await import("../../channels/telegram/index.ts");
    channels.push(createTelegramChannel(app, { ready }));
  }
  if (app.config.WHATSAPP_ENABLED) {
    const { createWhatsAppChannel } = await import("../../channels/whatsapp/index.ts");
    channels.push(createWhatsAppChannel(app));
  }
  return channels;
}

/**
 * `jol start` — run every configured channel until SIGINT/SIGTERM; with none configured, the console.
 * The operations endpoints (/healthz, /readyz, /metrics on OPS_HOST:OPS_PORT) listen before the
 * channels connect, so an orchestrator sees "alive, not ready" while Telegram or WhatsApp connect.
 */
export function register(program: Command): void {
  program
    .command("start")
    .description("run every configured channel (Telegram, WhatsApp; the console chat when none is configured) until SIGINT/SIGTERM")
    .action(async () => {
      const [{ loadConfig }, { createApp }, { createLogger }, { ConsoleChannel }, { createOps }, { redisTarget }] = await Promise.all([
        import("../../config/load.ts"),
        import("../../app/create.ts"),
        import("../../log.ts"),
        import("../../channels/console/console-channel.ts"),
        import("../../ops/ops.ts"),
        import("../../store/client.ts"),
      ]);
      const config = loadConfig();
      const log = createLogger({ level: config.LOG_LEVEL });
      const app = await createApp({ config, log });
      let channels: Channel[] = [];
      const ops = createOps(app, () => channels);
      channels = await configuredChannels(app, () => ops.readiness.redisReady());
      let console: InstanceType<typeof ConsoleChannel> | undefined;
      if (channels.length === 0 && !process.stdin.isTTY) {
        // In a container with no channel configured the console would read end-of-input at once and
        // exit, and the container would restart forever: say what is missing instead.
        await ops.close();
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
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info("stopping", { signal });
        for (const plugin of app.plugins) await plugin.stop?.().catch(() => undefined);
        for (const channel of channels) await channel.stop().catch((e: unknown) => log.error("channel stop failed", { channel: channel.name, error: String(e) }));
        await app.close();
        await ops.close();
        log.info("stopped");
      };
      const stopped = new Promise<void>((resolve) => {
        process.once("SIGINT", () => void stop("SIGINT").then(resolve));
        process.once("SIGTERM", () => void stop("SIGTERM").then(resolve));
      });
      try {
        await ops.listen();
        if (!config.WHATSAPP_ENABLED && redisTarget(config)) {
          // WhatsApp runs in another process (one browser per number): reach its users through the shared outbox.
          const { createWhatsAppOutbox } = await import("../../channels/whatsapp/outbox.ts");
          const outbox = createWhatsAppOutbox(app);
          app.channels.add(outbox);
          await outbox.start();
        }
        for (const channel of channels) await channel.start();
        for (const plugin of app.plugins) await plugin.start?.();
      } catch (error) {
        if (stopping) return await stopped; // a signal during start-up cut a connection attempt short
        // A channel that cannot start (a rejected token, a busy port) ends the process: close what runs first.
        stopping = true;
        for (const channel of channels) await channel.stop().catch(() => undefined);
        await app.close();
        await ops.close();
        throw error;
      }
      if (stopping) return await stopped;
      ops.readiness.markStarted();
      log.info("jol started", { channels: channels.map((c) => c.name).join(","), ops: ops.port ? `http://${config.OPS_HOST}:${ops.port}` : "off" });
      if (console) await console.say({ kind: "command", name: "start" });
      await Promise.race([stopped, console?.done.then(() => stop("end of input")) ?? new Promise<never>(() => {})]);
    });
}
