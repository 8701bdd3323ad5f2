import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `jol portal build` as a user runs it: through bin/jol.js, which runs the compiled dist/ (rebuilt
 * by the test setup). The site's browser scripts and the checker's bundle come from files beside
 * the compiled modules, so a build that forgets them fails here and not on a publisher's machine.
 */
describe("jol portal build (compiled)", () => {
  it("writes the site with its scripts, styles and the offline checker", () => {
    const out = mkdtempSync(join(tmpdir(), "jol-portal-cli-"));
    try {
      const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
      const result = spawnSync(process.execPath, ["bin/jol.js", "portal", "build", "--out", out], { env, encoding: "utf8", timeout: 120_000 });
      expect(result.stderr).not.toContain("Cannot find module");
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/portal: \d+ pages/);
      for (const file of ["sw.js", "screening.json", "ru/index.html", "ru/job-check.html"]) expect(existsSync(join(out, file)), file).toBe(true);
      const files = readdirSync(out);
      for (const asset of [/^search\.\w+\.js$/, /^style\.\w+\.css$/, /^checker\.\w+\.js$/]) expect(files.some((f) => asset.test(f)), String(asset)).toBe(true);
      const checker = readFileSync(join(out, "ru", "job-check.html"), "utf8");
      expect(checker).toMatch(/<script type="module" src="\.\.\/checker\.\w+\.js">/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
