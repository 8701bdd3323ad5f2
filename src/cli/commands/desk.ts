import { createInterface } from "node:readline";
import { userInfo } from "node:os";
import type { Command } from "commander";

/**
 * `jol desk` — the hotline consultants' side in a terminal (see `ConsoleDesk`): list open cases,
 * take one, chat with its user (a `jol chat --user ID` in another terminal, or a Telegram user when
 * TELEGRAM_BOT_TOKEN is set), notes, close. Needs REDIS_URL: the desk and the bot share cases
 * through Redis.
 */
export function register(program: Command): void {
  program
    .command("desk")
    .description("the hotline desk in this terminal: list open cases, take one, chat with its user, notes, close (needs REDIS_URL)")
    .option("--name <name>", "your name as the user's consultant", userInfo().username)
    .option("--poll <ms>", "how often new messages of the current case are shown", "500")
    .action(async (options: { name: string; poll: string }) => {
      const [{ loadConfig }, { createApp }, { createLogger }, { ConsoleChannel }, { createTelegramChannel }, { casesPluginOf }, { ConsoleDesk }, { createWhatsAppOutbox }, { redisTarget }] =
        await Promise.all([
          import("../../config/load.ts"),
          import("../../app/create.ts"),
          import("../../core/log.ts"),
          import("../../channels/console/console-channel.ts"),
          import("../../channels/telegram/index.ts"),
          import("../../cases/plugin.ts"),
          import("../../cases/console-desk.ts"),
          import("../../channels/whatsapp/outbox.ts"),
          import("../../store/client.ts"),
        ]);
      const config = loadConfig();
      if (!redisTarget(config)) {
        process.stderr.write("jol desk needs REDIS_URL (the same Redis as the bot or `jol chat`): cases are shared through it. Example: REDIS_URL=redis://127.0.0.1:6379 npx jol desk\n");
        process.exitCode = 1;
        return;
      }
      const log = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, pretty: true });
      const app = await createApp({ config, log, failFast: true });
      // Reaching users: console users through their outbox in Redis; Telegram users through the
      // Bot API (send only, no polling); WhatsApp users through the shared outbox below.
      app.channels.add(new ConsoleChannel(app, { user: "desk", interactive: false }));
      if (config.TELEGRAM_BOT_TOKEN) app.channels.add(createTelegramChannel(app));
      // WhatsApp users are reached through the outbox that the process running WhatsApp reads.
      app.channels.add(createWhatsAppOutbox(app));
      const plugin = casesPluginOf(app.plugins);
      if (!plugin) throw new Error("The cases plugin is not installed (src/app/plugins.ts).");
      const desk = new ConsoleDesk(plugin.service, {
        i18n: app.i18n,
        config,
        clock: app.clock,
        out: process.stdout,
        actor: { kind: "console", id: options.name, name: options.name },
      });
      process.stdout.write(`${app.i18n.t(config.HOTLINE_STAFF_LANG, "case-desk-title")}\n`);
      await desk.list();

      let busy = Promise.resolve();
      const poller = setInterval(() => {
        busy = busy.then(() => desk.poll()).catch((error: Error) => log.error("desk poll failed", { error: error.message }));
      }, Math.max(100, Number(options.poll) || 500));
      const rl = createInterface({ input: process.stdin, terminal: false });
      const interactive = Boolean(process.stdin.isTTY);
      if (interactive) process.stdout.write("desk> ");
      for await (const line of rl) {
        busy = busy.then(() => desk.line(line));
        await busy;
        if (desk.quit) break;
        if (interactive) process.stdout.write("desk> ");
      }
      clearInterval(poller);
      await busy;
      await desk.poll();
      rl.close();
      await app.close();
    });
}
