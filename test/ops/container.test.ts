import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * No Docker daemon runs here, so the container files are checked as text: the stages and what
 * each one copies, the user, the healthcheck, the start command, and the compose services.
 */

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name: string;
  from: string;
  steps: Instruction[];
}

/** Dockerfile instructions by stage (continuation lines joined, comments dropped). */
function stages(text: string): Stage[] {
  const joined = text.replace(/\\\n/g, " ");
  const out: Stage[] = [];
  for (const raw of joined.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [op = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (op.toUpperCase() === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      out.push({ from: m?.[1] ?? "", name: m?.[2] ?? `#${out.length}`, steps: [] });
    } else out.at(-1)?.steps.push({ op: op.toUpperCase(), args });
  }
  return out;
}

/** A stage's instructions including those of the stages it is built on. */
function lineage(all: Stage[], name: string): Instruction[] {
  const stage = all.find((s) => s.name === name);
  if (!stage) return [];
  return [...lineage(all, stage.from), ...stage.steps];
}

/** Whether .dockerignore keeps `path` out of the build context (last matching rule wins). */
function ignored(path: string, rules: string[]): boolean {
  let out = false;
  const parts = path.split("/");
  for (const rule of rules) {
    const negate = rule.startsWith("!");
    const pattern = new RegExp(`^${(negate ? rule.slice(1) : rule).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`);
    if (parts.some((_, i) => pattern.test(parts.slice(0, i + 1).join("/")))) out = !negate;
  }
  return out;
}

const dockerfile = readFileSync("Dockerfile", "utf8");
const all = stages(dockerfile);
const rules = readFileSync(".dockerignore", "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const nodeImage = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? "";
const RUNTIME = ["app", "whatsapp"];

describe("Dockerfile", () => {
  it("builds in stages, on a current Node LTS, with the Telegram-only image last (the default)", () => {
    expect(all.map((s) => s.name)).toEqual(["build", "deps", "deps-whatsapp", "base", "whatsapp", "app"]);
    expect(nodeImage).toMatch(/^node:(22|24)[.-]/);
    expect(all.at(-1)?.name).toBe("app");
  });

  it("compiles TypeScript in the build stage and ships only dist/, not src/ or tsx", () => {
    const build = lineage(all, "build").map((s) => `${s.op} ${s.args}`);
    expect(build).toContain("RUN node scripts/build.js");
    for (const name of RUNTIME) {
      const steps = lineage(all, name);
      expect(steps.some((s) => s.op === "COPY" && s.args === "--from=build /app/dist ./dist")).toBe(true);
      expect(steps.some((s) => s.op === "COPY" && /\bsrc\b/.test(s.args))).toBe(false);
    }
    expect(JSON.parse(readFileSync("package.json", "utf8")).dependencies).not.toHaveProperty("tsx");
  });

  it("leaves whatsapp-web.js, puppeteer and Chromium out of the Telegram image", () => {
    const deps = all.find((s) => s.name === "deps")?.steps.find((s) => s.op === "RUN")?.args ?? "";
    expect(deps).toContain("npm ci --omit=dev --omit=optional");
    const app = lineage(all, "app");
    expect(app.filter((s) => s.op === "COPY" && s.args.includes("node_modules")).map((s) => s.args)).toEqual(["--from=deps /app/node_modules ./node_modules"]);
    expect(app.some((s) => /chromium/.test(s.args))).toBe(false);
    const whatsapp = lineage(all, "whatsapp");
    expect(whatsapp.some((s) => s.op === "RUN" && /apt-get install .*chromium/.test(s.args))).toBe(true);
    expect(whatsapp.some((s) => s.args === "--from=deps-whatsapp /app/node_modules ./node_modules")).toBe(true);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: object; optionalDependencies: object };
    expect(pkg.optionalDependencies).toHaveProperty("whatsapp-web.js");
    expect(pkg.dependencies).not.toHaveProperty("whatsapp-web.js");
  });

  it("runs both images as the unprivileged node user, with a HEALTHCHECK on /readyz", () => {
    for (const name of RUNTIME) {
      const steps = lineage(all, name);
      expect(steps.filter((s) => s.op === "USER").at(-1)?.args, name).toBe("node");
      expect(steps.filter((s) => s.op === "HEALTHCHECK").at(-1)?.args, name).toMatch(/CMD \["node", "bin\/healthcheck\.js"\]$/);
    }
    expect(readFileSync("bin/healthcheck.js", "utf8")).toContain("/readyz");
  });

  it("fills the knowledge index cache at build time, after node_modules and before dropping root", () => {
    for (const name of RUNTIME) {
      const steps = lineage(all, name);
      const warm = steps.findIndex((s) => s.op === "RUN" && /node bin\/jol\.js ask /.test(s.args));
      const modules = steps.findIndex((s) => s.op === "COPY" && /\/app\/node_modules \.\/node_modules$/.test(s.args));
      const user = steps.findIndex((s) => s.op === "USER");
      expect(warm, name).toBeGreaterThan(modules);
      expect(modules, name).toBeGreaterThanOrEqual(0);
      expect(warm, name).toBeLessThan(user);
    }
  });

  it("starts bin/jol.js, which runs the compiled dist/", () => {
    for (const name of RUNTIME) {
      const cmd = lineage(all, name).filter((s) => s.op === "CMD").at(-1)?.args;
      expect(JSON.parse(cmd ?? "[]")).toEqual(["node", "bin/jol.js", "start"]);
    }
    expect(readFileSync("bin/jol.js", "utf8")).toContain('new URL("../dist/cli/main.js", import.meta.url)');
    expect(JSON.parse(readFileSync("package.json", "utf8")).bin.jol).toBe("bin/jol.js");
  });

  it("copies only files that exist and that .dockerignore lets into the build context", () => {
    const sources = all.flatMap((stage) =>
      stage.steps
        .filter((s) => s.op === "COPY" && !s.args.startsWith("--from="))
        .flatMap((s) => s.args.split(/\s+/).filter((a) => !a.startsWith("--")).slice(0, -1)),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(existsSync(source), source).toBe(true);
      expect(ignored(source.replace(/^\.\//, ""), rules), `${source} is in .dockerignore`).toBe(false);
    }
    expect(ignored("node_modules", rules)).toBe(true);
    expect(ignored(".env", rules)).toBe(true);
  });
});

describe("docker-compose.yml", () => {
  type Service = {
    image?: string;
    command?: string[];
    build?: { target?: string };
    healthcheck?: { test: string[] };
    profiles?: string[];
    volumes?: string[];
    environment?: Record<string, string>;
    user?: string;
  };
  const compose = parse(readFileSync("docker-compose.yml", "utf8"), { merge: true }) as { services: Record<string, Service> };
  const { services } = compose;

  it("has Redis with append-only persistence, the bot, WhatsApp and optional Prometheus", () => {
    expect(Object.keys(services).sort()).toEqual(["bot", "prometheus", "redis", "whatsapp"]);
    expect(services.redis?.command?.join(" ")).toContain("--appendonly yes");
    expect(services.bot?.build?.target).toBe("app");
    expect(services.whatsapp?.build?.target).toBe("whatsapp");
    expect(services.whatsapp?.profiles).toEqual(["whatsapp"]);
    expect(services.prometheus?.profiles).toEqual(["monitoring"]);
    expect(services.bot?.environment?.OPS_HOST).toBe("0.0.0.0");
  });

  it("gives every service a healthcheck; the bot's asks /readyz", () => {
    for (const [name, service] of Object.entries(services)) expect(service.healthcheck?.test, name).toBeDefined();
    expect(services.bot?.healthcheck?.test).toEqual(["CMD", "node", "bin/healthcheck.js"]);
    expect(services.redis?.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
  });

  it("lets Prometheus scrape the bot's operations port with a config file that exists", () => {
    const mount = services.prometheus?.volumes?.find((v) => v.endsWith(":/etc/prometheus/prometheus.yml:ro")) ?? "";
    const file = mount.split(":")[0] ?? "";
    expect(existsSync(file)).toBe(true);
    const config = parse(readFileSync(file, "utf8")) as { scrape_configs: { static_configs: { targets: string[] }[] }[] };
    expect(config.scrape_configs[0]?.static_configs[0]?.targets).toContain("bot:9091");
  });
});
