/**
 * HTML built as strings, safely: the `html` tag escapes every interpolated value unless it is
 * itself `Html` (the result of another `html` call or of `raw`). Arrays are joined; `null`,
 * `undefined` and `false` render as nothing, so `${cond && html`...`}` works.
 *
 * @example
 * html`<a href="${url}">${title}</a>`; // url and title are escaped
 */

/** A piece of markup that is already safe. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Trusted markup as is (for the page's own inline script and generated fragments only). */
export function raw(markup: string): Html {
  return new Html(markup);
}

function render(part: Part): string {
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  if (part === null || part === undefined || part === false || part === true) return "";
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/**
 * An article text as paragraphs and lists: lines starting with "•" (or "-") become list items,
 * the other lines paragraphs, as the bot shows them one per line.
 */
export function textBlocks(text: string): Html {
  const out: Html[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length) out.push(html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`);
    items = [];
  };
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (!line) {
      flush();
      continue;
    }
    const bullet = /^(?:•|[-–]\s)\s*(.*)$/.exec(line);
    if (bullet) items.push(bullet[1]!);
    else {
      flush();
      out.push(html`<p>${line}</p>`);
    }
  }
  flush();
  return html`${out}`;
}
