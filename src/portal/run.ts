import { ContentError } from "../app/load-content.ts";
import { checkContent } from "../app/check-content.ts";
import type { Config } from "../config/schema.ts";
import { buildPortal, PortalBuildError, type BuildReport } from "./build.ts";

/**
 * What `jol portal build` and `serve` run: check the content, build the site, print warnings.
 * Kept apart from the command's declaration so `jol --help` loads none of it.
 */

/** Build, printing warnings to stderr; undefined (exit code 1) when the build failed with a message for the user. */
export function build(config: Config, options: { out: string; baseUrl?: string }): BuildReport | undefined {
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
