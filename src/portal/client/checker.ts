// The offline job-ad checker, in the browser (job-check.html). Bundled by `src/portal/checker.ts`
// with the bot's own analyser (src/screening/analyse.ts), so the same text gets the same risk,
// score and flags as `jol screen`. The ad never leaves the phone.
import { Screener, type Analysis, type NamedRuleFile } from "../../screening/analyse.ts";
import type { Catalogue } from "../../screening/catalogue.ts";

// The few DOM parts used, declared here: the project is type-checked without the DOM library.
interface El {
  textContent: string | null;
  className: string;
  hidden: boolean;
  value: string;
  dataset: Record<string, string>;
  append(...nodes: El[]): void;
  replaceChildren(...nodes: El[]): void;
  remove(): void;
  addEventListener(type: "submit", listener: (event: { preventDefault(): void }) => void): void;
  elements: { namedItem(name: string): El | null };
}
declare const document: { getElementById(id: string): El | null; createElement(tag: string): El } | undefined;
declare function fetch(url: string): Promise<{ json(): Promise<unknown> }>;

/** What the build writes to screening.json: the catalogue and rule files, already validated. */
export interface CheckerData {
  catalogue: Catalogue;
  files: NamedRuleFile[];
}

/** The page's texts, rendered by the build; `{quote}` and `{explain}` are filled in here. */
interface CheckerTexts {
  none: string;
  risk: Record<Analysis["risk"], string>;
  line: string;
  flags: Record<string, string>;
  invite: string;
}

/** The analyser over the data the build wrote. */
export function screenerFor(data: CheckerData): Screener {
  return new Screener(data.catalogue, data.files);
}

function show(doc: NonNullable<typeof document>, out: El, texts: CheckerTexts, analysis: Analysis): void {
  const parts: El[] = [];
  const p = (text: string, className?: string) => {
    const el = doc.createElement("p");
    el.textContent = text;
    if (className) el.className = className;
    return el;
  };
  if (analysis.flags.length === 0) parts.push(p(texts.none));
  else {
    parts.push(p(texts.risk[analysis.risk], `risk risk-${analysis.risk}`));
    const list = doc.createElement("ul");
    for (const flag of analysis.flags) {
      const item = doc.createElement("li");
      item.dataset.flag = flag.id;
      item.textContent = texts.line.replace("{quote}", flag.evidence).replace("{explain}", texts.flags[flag.id] ?? "");
      list.append(item);
    }
    parts.push(list, p(texts.invite));
  }
  out.replaceChildren(...parts);
  out.dataset.risk = analysis.risk;
  out.dataset.score = String(analysis.score);
}

async function run(doc: NonNullable<typeof document>): Promise<void> {
  const form = doc.getElementById("checker");
  const out = doc.getElementById("checker-result");
  const textsEl = doc.getElementById("checker-texts");
  if (!form || !out || !textsEl) return;
  const texts = JSON.parse(textsEl.textContent ?? "{}") as CheckerTexts;
  const screener = screenerFor((await (await fetch("../screening.json")).json()) as CheckerData);
  form.hidden = false;
  doc.getElementById("checker-nojs")?.remove();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = form.elements.namedItem("ad")?.value ?? "";
    if (text.trim()) show(doc, out, texts, screener.analyse(text));
  });
}

if (typeof document !== "undefined") void run(document);
