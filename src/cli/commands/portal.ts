import type { Command } from "commander";
import { loadConfig } from "../../config/load.ts";
import { ContentError } from "../../app/load-content.ts";
import type { Config } from "../../config/schema.ts";
import { checkContent } from "./flows.ts";
import { buildPortal, PortalBuildError, type BuildReport } from "../../portal/build.ts";
import { servePortal } from "../../portal/serve.ts";

/**
 * `jol portal build [--out dist/portal] [--base-url URL]` — the information portal as a static
 * site from the bot's own flows, texts and settings (docs/portal.md); prints the size of every
 * page and warns on stderr about placeholder contacts and missing links.
 * `jol portal serve [--out dist/portal] [--port 8090] [--host 127.0.0.1]` — build, then preview it.
 */
export function register(program: Command): void {
  const portal = program.command("portal").description("the information portal: a static website of the knowledge base in six languages");
  portal
    .command("build")
    .description("build the static site from the flows, texts and settings")
    .option("--out <dir>", "output folder (emptied first if an earlier build made it)", "dist/portal")
    .option("--base-url <url>", "public URL of the site, like https://jol.example.org/ (default: PORTAL_BASE_URL)")
    .action((options: { out: string; baseUrl?: string }) => {
      const report = build(loadConfig(), options);
      if (report) process.stdout.write(sizeTable(report));
    });
  portal
    .command("serve")
    .description("build the site and serve it for a preview")
    .option("--out <dir>", "output folder", "dist/portal")
    .option("--base-url <url>", "public URL of the site (default: PORTAL_BASE_URL)")
    .option("--port <port>", "port to listen on", "8090")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .action(async (options: { out: string; baseUrl?: string; port: string; host: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        process.stderr.write(`--port: expected a port number 1-65535, found ${JSON.stringify(options.port)}\n`);
        process.exitCode = 1;
        return;
      }
      const report = build(loadConfig(), options);
      if (!report) return;
      await servePortal(options.out, port, options.host);
      process.stdout.write(`portal: ${report.files.filter((f) => f.kind === "page").length} pages at http://${options.host}:${port}/ (Ctrl+C stops)\n`);
    });
}

/** Build, printing warnings to stderr; undefined (exit code 1) when the build failed with a message for the user. */
function build(config: Config, options: { out: string; baseUrl?: string }): BuildReport | undefined {
  const content = checkContent(config);
  const errors = content.problems.filter((p) => (p.severity ?? "error") === "error");
  if (errors.length) throw new ContentError(errors);
  try {
    const report = buildPortal({ flows: content.flows, i18n: content.i18n, config, out: options.out, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
    for (const warning of report.warnings) process.stderr.write(`portal: warning: ${warning}\n`);
    return report;
  } catch (error) {
    if (!(error instanceof PortalBuildError)) throw error;
    process.stderr.write(`portal: ${error.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

/** Bytes per page, gzip and plain, largest first within each kind, with totals. */
export function sizeTable(report: BuildReport): string {
  const pages = report.files.filter((f) => f.kind === "page");
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const largest = [...pages].sort((a, b) => b.gzip - a.gzip);
  const rows = largest.slice(0, 5).map((f) => `  ${f.path.padEnd(32)} ${kb(f.gzip).padStart(9)} ${kb(f.bytes).padStart(9)}`);
  const assets = report.files.filter((f) => f.kind !== "page");
  return [
    `portal: ${pages.length} pages and ${assets.length} other files in ${Math.round(report.ms)} ms`,
    `  ${"largest pages".padEnd(32)} ${"gzip".padStart(9)} ${"plain".padStart(9)}`,
    ...rows,
    `  ${"other files".padEnd(32)}`,
    ...assets.map((f) => `  ${f.path.padEnd(32)} ${kb(f.gzip).padStart(9)} ${kb(f.bytes).padStart(9)}`),
    `  ${"all pages".padEnd(32)} ${kb(pages.reduce((n, f) => n + f.gzip, 0)).padStart(9)} ${kb(pages.reduce((n, f) => n + f.bytes, 0)).padStart(9)}`,
    "",
  ].join("\n");
}
