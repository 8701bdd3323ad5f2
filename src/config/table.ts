import { ConfigSchema, SECRET_KEYS } from "./schema.ts";

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
