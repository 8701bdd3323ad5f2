import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { checkContent } from "../../src/app/check-content.ts";
import { buildPortal, type BuildReport } from "../../src/portal/build.ts";

/** Settings of the test site: a bot username and WhatsApp number; DEMO contacts (the defaults). */
export const TEST_ENV = { TELEGRAM_BOT_USERNAME: "jol_test_bot", WHATSAPP_NUMBER: "77001234567" };
export const BASE_URL = "https://portal.example.org/jol/";

/** Build the portal from the real flows, texts and settings into a fresh temporary folder (`baseUrl` null: none). */
export function buildTestSite(env: Record<string, string> = TEST_ENV, baseUrl: string | null = BASE_URL) {
  const config = loadConfig(env);
  const content = checkContent(config);
  const out = join(mkdtempSync(join(tmpdir(), "jol-portal-")), "site");
  const report: BuildReport = buildPortal({ flows: content.flows, i18n: content.i18n, config, out, ...(baseUrl ? { baseUrl } : {}) });
  return { config, content, out, report };
}
