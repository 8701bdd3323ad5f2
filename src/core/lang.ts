/** The six languages Jol speaks. `uz` is Uzbek in Latin script. */
export const LANGS = ["ru", "kk", "uz", "ky", "tg", "en"] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}
