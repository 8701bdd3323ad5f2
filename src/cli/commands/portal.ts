import type { Command } from "commander";

/**
 * `jol portal build [--out public] [--base-url URL]` — the information portal as a static
 * site from the bot's own flows, texts and settings (docs/portal.md); prints the size of every
 * page and warns on stderr about placeholder contacts and missing links.
 * `jol portal serve [--out public] [--port 8090] [--host 127.0.0.1]` — build, then preview it.
 */
export function register(program: Command): void {
  const portal = program.command("portal").description("the information portal: a static website of the knowledge base in six languages");
  portal
    .command("build")
    .description("build the static site from the flows, texts and settings")
    .option("--out <dir>", "output folder (emptied first if an earlier build made it)", "public")
    .option("--base-url <url>", "public URL of the site, like https://jol.example.org/ (default: PORTAL_BASE_URL)")
    .action(async (options: { out: string; baseUrl?: string }) => {
      const [{ loadConfig }, { build, sizeTable }] = await Promise.all([import("../../config/load.ts"), import("../../portal/run.ts")]);
      const report = build(loadConfig(), options);
      if (report) process.stdout.write(sizeTable(report));
    });
  portal
    .command("serve")
    .description("build the site and serve it for a preview")
    .option("--out <dir>", "output folder", "public")
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
      const [{ loadConfig }, { build }, { servePortal }] = await Promise.all([
        import("../../config/load.ts"),
        import("../../portal/run.ts"),
        import("../../portal/serve.ts"),
      ]);
      const report = build(loadConfig(), options);
      if (!report) return;
      await servePortal(options.out, port, options.host);
      process.stdout.write(`portal: ${report.files.filter((f) => f.kind === "page").length} pages at http://${options.host}:${port}/ (Ctrl+C stops)\n`);
    });
}
