import type { Command } from "commander";
import { userInfo } from "node:os";
import { createInterface } from "node:readline/promises";

/**
 * `jol alert` — send an alert to subscribers from a script or a terminal, and watch, pause,
 * resume or cancel it. The same store and engine as the Telegram wizard: the sending itself is
 * done by the `jol start` workers (any of them). Needs REDIS_URL (shared with the bot).
 */
export function register(program: Command): void {
  const alert = program.command("alert").description("send alerts to subscribers and control them (needs REDIS_URL, shared with jol start)");

  alert
    .command("send")
    .description("queue an alert: FILE is YAML with one text per language (ru: ..., uz: ...); prints the alert id")
    .requiredOption("--segment <segments>", "segment(s), comma-separated (kz, abroad, or one the flows define)")
    .option("--lang <langs>", "only users with these languages, comma-separated")
    .option("--channel <channel>", "only telegram or only whatsapp users")
    .option("--source <source>", "only users who came through this deep-link source")
    .requiredOption("--texts <file>", "YAML file with one text per language")
    .option("--use <pairs>", "languages without a text get another's, like kk=ru,ky=ru")
    .option("--at <time>", "send at this time in HOTLINE_TIMEZONE: 'YYYY-MM-DD HH:MM' or 'HH:MM'")
    .option("--dry-run", "print the recipients per language and channel, send nothing")
    .option("--yes", "do not ask for confirmation")
    .action(async (o: { segment: string; lang?: string; channel?: string; source?: string; texts: string; use?: string; at?: string; dryRun?: boolean; yes?: boolean }) => {
      const { app, session } = await open();
      try {
        const { readFile } = await import("node:fs/promises");
        const { parse } = await import("yaml");
        const { FixableError } = await import("../../core/errors.ts");
        const { prepareAlert, describeAudience, parseAudience, parseUse } = await import("../../alerts/prepare.ts");
        const { parseSendTime } = await import("../../alerts/time.ts");
        const source = await readFile(o.texts, "utf8");
        let parsed: unknown;
        try {
          parsed = parse(source);
        } catch (error) {
          const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
          const what = error instanceof Error ? error.message.split("\n")[0] : String(error);
          throw new FixableError(`${o.texts}${line ? ` line ${line}` : ""}: not valid YAML (${what}); put a text with ": " in quotes, or write it as a block: "ru: |" and the text indented on the next lines.`);
        }
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
          throw new FixableError(`${o.texts}: expected one text per language, like "ru: Внимание, ..." on its own line.`);
        }
        const written = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
        const use = parseUse(o.use ?? "");
        const now = app.clock.now();
        let at = 0;
        if (o.at !== undefined) {
          const when = parseSendTime(o.at, now, app.config.HOTLINE_TIMEZONE);
          if (when === null) throw new FixableError(`--at "${o.at}": write the time as 'YYYY-MM-DD HH:MM' or 'HH:MM' (${app.config.HOTLINE_TIMEZONE}).`);
          if (when <= now) throw new FixableError(`--at "${o.at}" is in the past (${app.config.HOTLINE_TIMEZONE}): give a later time, or leave --at out to send now.`);
          at = when;
        }
        const audience = parseAudience(
          { segments: o.segment.split(",").map((s) => s.trim()).filter(Boolean), ...(o.lang ? { langs: o.lang.split(",").map((s) => s.trim()) } : {}), channel: o.channel, source: o.source },
          session.segments,
        );
        const prepared = await prepareAlert(session, audience, { written, use });
        if (o.dryRun) {
          for (const [lang, byChannel] of Object.entries(prepared.counts)) {
            for (const [channel, n] of Object.entries(byChannel ?? {})) process.stdout.write(`${lang}\t${channel}\t${n}\n`);
          }
          process.stdout.write(`total\t\t${prepared.recipients.length}\n`);
          return;
        }
        if (!o.yes) {
          if (!process.stdin.isTTY) throw new FixableError("Not a terminal, so no one can confirm: add --yes to send without asking.");
          const rl = createInterface({ input: process.stdin, output: process.stdout });
          const answer = await rl.question(`Send to ${prepared.recipients.length} subscribers (${describeAudience(audience)})? [y/N] `);
          rl.close();
          if (!/^y(es)?$/i.test(answer.trim())) {
            process.stdout.write("Not sent.\n");
            return;
          }
        }
        const id = await session.alerts.create({ by: `cli:${userInfo().username}`, audience, texts: prepared.texts, recipients: prepared.recipients, at, now });
        process.stdout.write(`${id}\n`);
      } finally {
        await app.close();
      }
    });

  alert
    .command("status <id>")
    .description("an alert's state and counts: total, sent, failed, blocked, left")
    .option("--json", "as JSON: {id, state, total, sent, failed, blocked, left}")
    .action(async (id: string, o: { json?: boolean }) => {
      const { app, session } = await open();
      try {
        const { statusOf } = await import("../../alerts/store.ts");
        const record = await found(session, id);
        const s = statusOf(record);
        process.stdout.write(o.json ? `${JSON.stringify(s)}\n` : `alert ${s.id}: ${s.state} · ${s.total} recipients · sent ${s.sent} · failed ${s.failed} · blocked ${s.blocked} · left ${s.left}\n`);
      } finally {
        await app.close();
      }
    });

  alert
    .command("list")
    .description("the latest alerts: id, state, created, by, audience, sent of total")
    .action(async () => {
      const { app, session } = await open();
      try {
        const { describeAudience } = await import("../../alerts/prepare.ts");
        for (const a of await session.alerts.list(50)) {
          process.stdout.write(`${a.id}\t${a.state}\t${new Date(a.created).toISOString()}\t${a.by}\t${describeAudience(a.audience)}\t${a.sent}/${a.total}\n`);
        }
      } finally {
        await app.close();
      }
    });

  for (const action of ["pause", "resume", "cancel"] as const) {
    alert
      .command(`${action} <id>`)
      .description(`${action} an alert (any jol start worker honours it at once)`)
      .action(async (id: string) => {
        const { app, session } = await open();
        try {
          const { FixableError } = await import("../../core/errors.ts");
          const record = await found(session, id);
          const was = await session.alerts[action](id);
          if (was === null) throw new FixableError(`Alert ${id} is ${record.state}: it cannot be ${action === "pause" ? "paused" : action === "resume" ? "resumed" : "cancelled"} now.`);
          process.stdout.write(`alert ${id}: ${was} → ${action === "pause" ? "paused" : action === "resume" ? "queued" : "cancelled"}\n`);
        } finally {
          await app.close();
        }
      });
  }
}

/** The app (store, flows, texts) and what the alert commands use; fails without REDIS_URL. */
async function open() {
  const [{ loadConfig }, { createApp }, { createLogger }, { redisTarget }, { FixableError }, { alertStoreFor }, { knownSegments }, { SEGMENTS }] = await Promise.all([
    import("../../config/load.ts"),
    import("../../app/create.ts"),
    import("../../core/log.ts"),
    import("../../store/client.ts"),
    import("../../core/errors.ts"),
    import("../../alerts/worker.ts"),
    import("../../alerts/audience.ts"),
    import("../../broadcast/plugin.ts"),
  ]);
  const config = loadConfig();
  if (!redisTarget(config)) throw new FixableError("jol alert needs REDIS_URL (the same Redis as jol start): alerts are stored and sent through it.");
  const log = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, pretty: true });
  const app = await createApp({ config, log, failFast: true });
  const session = {
    store: app.store,
    i18n: app.i18n,
    defaultLang: config.DEFAULT_LANG,
    segments: [...new Set([...SEGMENTS, ...knownSegments(app.flows)])].sort(),
    alerts: alertStoreFor(app),
  };
  return { app, session };
}

async function found(session: Awaited<ReturnType<typeof open>>["session"], id: string) {
  const { FixableError } = await import("../../core/errors.ts");
  const record = await session.alerts.get(id);
  if (!record) throw new FixableError(`No alert ${id}: see \`npx jol alert list\` for the ids.`);
  return record;
}
