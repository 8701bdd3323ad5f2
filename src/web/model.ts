/** What a dashboard page shows: headline figures, charts and tables (which also export as CSV). */

/** A table: `head` and `title` are Fluent ids of web.ftl; `people` columns show 1–4 as "<5". */
export interface Table {
  id: string;
  title: string;
  head: string[];
  rows: (string | number)[][];
  /** Column indexes holding counts of people or cases (small counts hidden). */
  small?: number[];
}

/** A uPlot chart: x labels (days, weeks or hours) and named series of numbers. */
export interface Chart {
  id: string;
  title: string;
  kind: "line" | "bars";
  x: string[];
  series: { label: string; values: number[] }[];
}

export interface Figure {
  label: string;
  value: number | string;
  /** A count of people: 1–4 shown as "<5". */
  people?: boolean;
}

export interface PageModel {
  figures: Figure[];
  charts: Chart[];
  tables: Table[];
  /** Extra lines under the title (Fluent ids with arguments). */
  notes?: { id: string; args?: Record<string, string | number> }[];
}

/** "<5" for 1–4: nobody is identifiable from a small count. */
export function shown(value: number | string, small: boolean): string {
  if (typeof value === "number" && small && value > 0 && value < 5) return "<5";
  return typeof value === "number" ? String(value) : value;
}

/** One table as CSV (RFC 4180 quoting, small counts hidden like on the page). */
export function toCsv(table: Table, head: string[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [head.map(cell).join(",")];
  for (const row of table.rows) lines.push(row.map((v, i) => cell(shown(v, table.small?.includes(i) ?? false))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
