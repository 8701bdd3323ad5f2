import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { AgencyDirectory, importAgencies, readAgencyCsv, CSV_COLUMNS } from "../../screening/agencies.ts";
import type { Store } from "../../store/store.ts";

/**
 * `jol agencies import FILE` — replace the NGO's list of recruitment agencies with a CSV
 * (`name,aliases,bin,status,note,source,date`): every bad row is reported by line and nothing is
 * imported; a good file replaces the list atomically. A file with no agencies (only the header)
 * is refused unless `--allow-empty` says that emptying the list is meant; on any error the old
 * list stays. `jol agencies find QUERY` looks one up as the bot would.
 */
export function register(program: Command): void {
  const agencies = program.command("agencies").description("the NGO's own list of recruitment agencies (not an official registry)");
  agencies
    .command("import")
    .argument("<file>", `CSV with the header ${CSV_COLUMNS.join(",")}`)
    .description("validate a CSV and replace the whole list with it (nothing is imported if any row is bad)")
    .option("--allow-empty", "accept a file with no agencies, which empties the list")
    .action(async (file: string, options: { allowEmpty?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      const read = readAgencyCsv(text);
      if (!read.ok) {
        for (const p of read.problems) process.stderr.write(`${file}:${p.line}: ${p.message}\n`);
        process.stderr.write(`${read.problems.length} bad row(s): nothing was imported; fix them and run the import again\n`);
        process.exitCode = 1;
        return;
      }
      if (read.agencies.length === 0 && !options.allowEmpty) {
        process.stderr.write(`${file} has no agencies (only the header): the list was not changed; to empty the list on purpose, run again with --allow-empty\n`);
        process.exitCode = 1;
        return;
      }
      await withStore(async (store) => {
        try {
          const info = await importAgencies(store, read.agencies, Date.now());
          process.stdout.write(`imported ${info.count} agencies from ${file}\n`);
        } catch (error) {
          process.stderr.write(`nothing was imported, the old list is kept: ${(error as Error).message}\n`);
          process.exitCode = 1;
        }
      });
    });
  agencies
    .command("find")
    .argument("<query...>", "a name (any script) or a 12-digit BIN")
    .description("look an agency up in the list as the bot does")
    .action(async (words: string[]) => {
      await withStore(async (store) => {
        const result = await new AgencyDirectory(store).lookup(words.join(" "));
        if (result.list === "none") {
          process.stdout.write("the list is empty: run jol agencies import FILE\n");
          return;
        }
        if (result.matches.length === 0) process.stdout.write("not in the list (which alone proves nothing)\n");
        for (const m of result.matches) {
          const a = m.agency;
          process.stdout.write(`${a.name} | BIN ${a.bin || "-"} | ${a.status} | ${a.note} | ${a.source} | ${a.date} | match ${m.score.toFixed(2)}\n`);
        }
      });
    });
}

async function withStore(run: (store: Store) => Promise<void>): Promise<void> {
  // Loaded on use: every `jol` command imports this file, and ioredis costs start-up time.
  const [{ loadConfig }, { createStore }, { createLogger }, { redisTarget }] = await Promise.all([
    import("../../config/load.ts"),
    import("../../store/create.ts"),
    import("../../core/log.ts"),
    import("../../store/client.ts"),
  ]);
  const config = loadConfig();
  if (!redisTarget(config)) {
    process.stderr.write("jol agencies needs REDIS_URL: the list must be stored in the Redis the bot reads (set REDIS_URL, e.g. redis://127.0.0.1:6379)\n");
    process.exitCode = 1;
    return;
  }
  const store = await createStore(config, createLogger({ level: "warn" }));
  try {
    await run(store);
  } finally {
    await store.close();
  }
}
