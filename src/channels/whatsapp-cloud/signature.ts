import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Whether `header` (`X-Hub-Signature-256: sha256=<hex>`) is the HMAC-SHA256 of the raw request
 * body with the Meta app's secret. Compared in constant time; a missing or malformed header is
 * simply wrong.
 *
 * @example
 * if (!validSignature(rawBody, req.headers["x-hub-signature-256"], config.WHATSAPP_APP_SECRET)) return 401;
 */
export function validSignature(body: Buffer, header: string | string[] | undefined, appSecret: string): boolean {
  if (typeof header !== "string" || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const given = Buffer.from(header.slice("sha256=".length).toLowerCase(), "hex");
  const expected = createHmac("sha256", appSecret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The header value Meta would send for `body` (the tests' stand-in signs with it). */
export function signBody(body: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
}
