import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import QRCode from "qrcode";
import qrcodeTerminal from "qrcode-terminal";
import type { Logger } from "../../core/log.ts";

/**
 * Show the operator how to link the bot's phone number: the QR code whatsapp-web.js emits is
 * printed in the terminal and also written as a PNG (for a server without a terminal: copy the
 * file and scan it from a screen). Operator output, not user-visible text.
 *
 * @example
 * client.on("qr", (qr) => void showQr(qr, { pngPath: "whatsapp-qr.png", log, print }));
 */
export async function showQr(qr: string, options: { pngPath: string; log: Logger; print: (text: string) => void }): Promise<void> {
  const terminal = await new Promise<string>((resolve) => qrcodeTerminal.generate(qr, { small: true }, resolve));
  options.print(`\nWhatsApp: scan this code with the bot's phone (WhatsApp > Settings > Linked devices > Link a device):\n${terminal}`);
  try {
    await mkdir(dirname(options.pngPath), { recursive: true });
    await QRCode.toFile(options.pngPath, qr, { type: "png", margin: 2, width: 400 });
    options.log.info("whatsapp pairing QR written", { file: options.pngPath });
  } catch (error) {
    options.log.warn("whatsapp pairing QR could not be written as PNG; use the terminal code or set WHATSAPP_QR_PNG to a writable path", {
      file: options.pngPath,
      error: (error as Error).message,
    });
  }
}

/** Print a phone-number pairing code (`ABCD-EFGH`) with where to type it. */
export function showPairingCode(code: string, print: (text: string) => void): void {
  const shown = /^[A-Z0-9]{8}$/i.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
  print(
    `\nWhatsApp pairing code: ${shown}\n` +
      "On the bot's phone: WhatsApp > Settings > Linked devices > Link a device > Link with phone number instead, then type this code.\n",
  );
}
