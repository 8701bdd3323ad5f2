import type { Command } from "commander";

/** `jol whatsapp templates` — the template texts to submit to Meta, in all six languages, and which are configured. */
export function register(program: Command): void {
  const whatsapp = program.command("whatsapp").description("WhatsApp Cloud API helpers (docs/whatsapp.md)");
  whatsapp
    .command("templates")
    .description("print the message templates to submit for approval in each language, and which WHATSAPP_TEMPLATES names")
    .action(async () => {
      const [{ loadConfig }, { loadLocales }, { templatesReport }] = await Promise.all([
        import("../../config/load.ts"),
        import("../../i18n/load-locales.ts"),
        import("../../channels/whatsapp-cloud/templates.ts"),
      ]);
      const config = loadConfig();
      const { i18n, problems } = loadLocales(config.LOCALES_DIR);
      if (problems.length > 0) {
        for (const p of problems) process.stderr.write(`${p.file ?? config.LOCALES_DIR}${p.line ? `:${p.line}` : ""}: ${p.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(templatesReport(config, i18n) + "\n");
    });
}
