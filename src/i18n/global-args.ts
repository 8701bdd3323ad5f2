/**
 * Fluent variables every message may use: the settings' contacts and retention figures
 * (`globalArgs` in src/app/create.ts) and `$channel`, which the engine adds to every text.
 * `jol flows check` reports any other variable a text uses that its other languages do not.
 */
export const GLOBAL_ARG_NAMES = ["hotlinePhone", "hotlineHours", "emergency", "sessionDays", "retentionDays", "channel"] as const;
export type GlobalArgName = (typeof GLOBAL_ARG_NAMES)[number];
