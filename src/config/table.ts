import { ConfigSchema, SECRET_KEYS } from "./schema.ts";

function defaultOf(schema: unknown): unknown {
  const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}

/** A `.env` template: every variable commented out with its help and default (`jol config --example`). */
export function envExample(): string {
  const lines = ["# Jol settings. Uncomment and set what you need; `npx jol config` shows the effective values.", ""];
  for (const [key, schema] of Object.entries(ConfigSchema.shape)) {
    const value = defaultOf(schema);
    lines.push(`# ${schema.description ?? ""}`);
    lines.push(`# ${key}=${value === undefined ? "" : Array.isArray(value) ? value.join(",") : String(value)}`, "");
  }
  return lines.join("\n");
}

/** The settings as a Markdown table (variable, default, what it does), for the README. */
export function configTable(): string {
  const rows = Object.entries(ConfigSchema.shape).map(([key, schema]) => {
    const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(undefined);
    const value = parsed.success ? parsed.data : undefined;
    const shown = value === undefined ? "—" : Array.isArray(value) ? (value.length ? value.join(",") : "(empty)") : String(value);
    const secret = SECRET_KEYS.has(key) ? " (secret)" : "";
    return `| \`${key}\` | ${shown === "—" ? "—" : `\`${shown}\``} | ${(schema.description ?? "").replace(/\|/g, "\\|")}${secret} |`;
  });
  return ["| Variable | Default | What it does |", "| --- | --- | --- |", ...rows].join("\n");
}
