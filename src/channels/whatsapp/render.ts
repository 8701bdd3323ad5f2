import type { Outbound } from "../../core/messages.ts";
import { splitText } from "../../core/text.ts";
import { renderNumbered } from "../numbered.ts";

/**
 * Turn an `Outbound` into the WhatsApp messages to send: the text with WhatsApp formatting,
 * the choices as a numbered list (buttons and lists are deprecated in whatsapp-web.js and not
 * shown on many phones), split into messages of at most `maxChars`.
 *
 * Formatting: our own texts use `*bold*` and nothing else, so a well-formed `*bold*` pair in the
 * text is kept; every other WhatsApp markup character (`* _ ~` and the backtick) is replaced by
 * a look-alike that WhatsApp does not treat as markup (WhatsApp has no escape character), so a
 * name or a consultant's words never turn into formatting. Choice labels are escaped entirely.
 * Links and e-mail addresses are left as they are: they may contain `_` and must stay usable.
 *
 * @example
 * renderOutbound({ text: "*Menu*", choices: [{ id: "x", label: "Work" }] }); // ["*Menu*\n\n1. Work"]
 */
export function renderOutbound(outbound: Outbound, options: { maxChars?: number } = {}): string[] {
  const max = Math.max(200, options.maxChars ?? WHATSAPP_MAX_CHARS);
  const choices = outbound.choices?.map((choice) => ({ ...choice, label: oneLine(choice.label) }));
  const whole = renderNumbered({ ...outbound, text: formatOwnText(outbound.text ?? ""), ...(choices ? { choices } : {}) }, escapeWhatsApp).trim();
  return whole ? splitText(whole, max) : [];
}

/** A label on one line: a newline inside would break the numbered list apart. */
function oneLine(label: string): string {
  return label.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Longest message Jol sends in one piece. WhatsApp accepts far more (65 536), but a screenful
 * at a time is what people read on a small phone, and paragraphs are the natural cut.
 */
export const WHATSAPP_MAX_CHARS = 4000;

const LOOKALIKE: Record<string, string> = {
  "*": "\u2217", // ∗ asterisk operator
  _: "\u02CD", // ˍ modifier letter low macron
  "~": "\u223C", // ∼ tilde operator
  "`": "\u02CB", // ˋ modifier letter grave accent
};

/** Links and e-mail addresses: never altered. */
const LINK = /\b(?:https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:[\w-]+\.)+[a-z]{2,}(?:\/\S*)?)/gi;

/**
 * Make user-provided text inert for WhatsApp's markup: `* _ ~` and the backtick become
 * look-alikes, so `*free*` shows as typed instead of bold. Links are kept intact.
 */
export function escapeWhatsApp(text: string): string {
  return mapOutside(text, LINK, (part) => part.replace(/[*_~`]/g, (c) => LOOKALIKE[c] ?? c));
}

/** `*bold*` as WhatsApp wants it: non-space right inside the stars, on one line. */
const BOLD = /\*([^\s*](?:[^*\n]*[^\s*])?)\*/g;

/** Our own text: keep well-formed `*bold*` pairs, neutralise every other markup character. */
export function formatOwnText(text: string): string {
  return mapOutside(text, BOLD, escapeWhatsApp, (match) => `*${escapeWhatsApp(match.slice(1, -1))}*`);
}

/** Apply `outside` to the parts of `text` that `pattern` does not match, `inside` to the matches. */
function mapOutside(text: string, pattern: RegExp, outside: (s: string) => string, inside: (s: string) => string = (s) => s): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const start = match.index ?? 0;
    out += outside(text.slice(last, start)) + inside(match[0]);
    last = start + match[0].length;
  }
  return out + outside(text.slice(last));
}
