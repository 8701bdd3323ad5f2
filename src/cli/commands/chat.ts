import type { Command } from "commander";
import { isLang, LANGS } from "../../core/lang.ts";

/** `jol chat` — talk to the bot in the terminal; scriptable through standard input. */
export function register(program: Command): void {
  program
    .command("chat")
    .description("talk to the bot in this terminal (choices as numbered lines); reads a script from stdin when it is not a terminal")
    .option("--lang <lang>", `skip the language question (${LANGS.join(", ")})`)
    .option("--user <id>", "the console user id; with REDIS_URL, continues that user's session", "local")
    .action(async (options: { lang?: string; user: string }) => {
      if (options.lang !== undefined && !isLang(options.lang)) {
        process.stderr.write(`--lang: expected one of ${LANGS.join(", ")}, found "${options.lang}"\n`);
        process.exitCode = 1;
        return;
      }
      const [{ loadConfig }, { createApp }, { createLogger }, { ConsoleChannel }, { redisTarget }] = await Promise.all([
        import("../../config/load.ts"),
        import("../../app/create.ts"),
        import("../../core/log.ts"),
        import("../../channels/console/console-channel.ts"),
        import("../../store/client.ts"),
      ]);
      const config = loadConfig();
      const log = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, pretty: true });
      if (!redisTarget(config)) process.stderr.write("[jol] REDIS_URL is not set: this chat lives in memory and is forgotten when it ends.\n");
      const app = await createApp({ config, log, failFast: true });
      const channel = new ConsoleChannel(app, { user: options.user });
      app.channels.add(channel);

      const lang = options.lang !== undefined && isLang(options.lang) ? options.lang : undefined;
      let fresh = true;
      await app.router.editSession(channel.address, (session) => {
        fresh = session.stack.length === 0;
        if (lang === undefined || session.lang === lang) return false;
        session.lang = lang;
        return true;
      });
      if (fresh) await channel.say({ kind: "command", name: "start" });
      else await channel.say({ kind: "command", name: "help" });

      const stop = async () => {
        await channel.stop();
        await app.close();
      };
      process.once("SIGINT", () => void stop().then(() => process.exit(0)));
      await channel.start();
      await channel.done;
      await stop();
    });
}
