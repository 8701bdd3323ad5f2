import type { Store } from "../store/store.ts";
import { nameKey } from "./normalise.ts";
import { distance } from "../core/words.ts";

/**
 * The NGO's own list of recruitment agencies: what the NGO knows about an agency (trusted, has
 * complaints, unknown), with its source and date. It is not an official registry — FACTS.md
 * says none is confirmed — and the bot says so: absence from the list proves nothing.
 *
 * The list is imported from CSV (`jol agencies import FILE`) as a whole: every row is validated
 * first, then written under a new generation of keys, then the pointer `scr:agencies:current`
 * is swapped in one atomic compare-and-set, then the old generation is deleted. A lookup never
 * sees a half-imported list.
 */

export const AGENCY_STATUSES = ["trusted", "complaints", "unknown"] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export interface Agency {
  name: string;
  aliases: string[];
  /** Kazakhstan business identification number: 12 digits, or empty for a foreign agency. */
  bin: string;
  status: AgencyStatus;
  note: string;
  source: string;
  /** When the NGO last checked this entry, YYYY-MM-DD. */
  date: string;
}

/** One problem in the CSV, by line (1-based, the header is line 1). */
export interface RowProblem {
  line: number;
  message: string;
}

export const CSV_COLUMNS = ["name", "aliases", "bin", "status", "note", "source", "date"] as const;

const KEY_CURRENT = "scr:agencies:current";
const genKey = (gen: string, part: "rows" | "meta"): string => `scr:agencies:${gen}:${part}`;

/**
 * Split CSV text into records of fields (RFC 4180: quotes, doubled quotes, commas and newlines
 * inside quotes, CRLF), each with the line it starts on.
 */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      any = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      any = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      if (any || field !== "") records.push({ line: start, fields: [...fields, field] });
      fields = [];
      field = "";
      any = false;
      line++;
      start = line;
    } else {
      field += ch;
      any = true;
    }
  }
  if (any || field !== "") records.push({ line: start, fields: [...fields, field] });
  return records;
}

/**
 * Validate the whole CSV. Returns the agencies when every row is good, or every problem by line
 * (nothing is imported then).
 */
export function readAgencyCsv(text: string): { ok: true; agencies: Agency[] } | { ok: false; problems: RowProblem[] } {
  const records = parseCsv(text);
  const problems: RowProblem[] = [];
  const header = records.shift();
  const expected = CSV_COLUMNS.join(",");
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(",") !== expected) {
    return { ok: false, problems: [{ line: header?.line ?? 1, message: `the first line must be the header "${expected}"` }] };
  }
  const agencies: Agency[] = [];
  const bins = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.every((f) => f.trim() === "")) continue;
    const rowProblems: string[] = [];
    if (fields.length !== CSV_COLUMNS.length) {
      problems.push({ line, message: `expected ${CSV_COLUMNS.length} fields (${expected}), found ${fields.length}; put text with commas in double quotes` });
      continue;
    }
    const [name, aliases, bin, status, note, source, date] = fields.map((f) => f.trim()) as [string, string, string, string, string, string, string];
    if (!name) rowProblems.push("name is empty");
    const binDigits = bin.replace(/\s/g, "");
    if (binDigits && !/^\d{12}$/.test(binDigits)) rowProblems.push(`bin "${bin}" must be 12 digits (or empty for a foreign agency)`);
    if (binDigits && bins.has(binDigits)) rowProblems.push(`bin ${binDigits} is already on line ${bins.get(binDigits)}`);
    if (!(AGENCY_STATUSES as readonly string[]).includes(status)) rowProblems.push(`status "${status}" must be one of ${AGENCY_STATUSES.join(", ")}`);
    if (!source) rowProblems.push("source is empty: say where the information comes from");
    if (!isIsoDate(date)) rowProblems.push(`date "${date}" must be a real date written YYYY-MM-DD`);
    if (rowProblems.length) {
      problems.push({ line, message: rowProblems.join("; ") });
      continue;
    }
    if (binDigits) bins.set(binDigits, line);
    agencies.push({
      name,
      aliases: aliases.split(/[;|]/).map((a) => a.trim()).filter(Boolean),
      bin: binDigits,
      status: status as AgencyStatus,
      note,
      source,
      date,
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, agencies };
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** What the list holds now: how many agencies and when they were imported. */
export interface AgencyListInfo {
  count: number;
  importedAt: number;
}

/**
 * Replace the whole list atomically. Throws if another import swapped the list meanwhile (run
 * it again). The old list stays in place until the new one is complete.
 */
export async function importAgencies(store: Store, agencies: Agency[], now: number): Promise<AgencyListInfo> {
  const old = await store.get(KEY_CURRENT);
  const gen = `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const info: AgencyListInfo = { count: agencies.length, importedAt: now };
  try {
    for (let i = 0; i < agencies.length; i += 200) {
      const chunk: Record<string, string> = {};
      agencies.slice(i, i + 200).forEach((a, j) => (chunk[String(i + j)] = JSON.stringify(a)));
      await store.hset(genKey(gen, "rows"), chunk);
    }
    await store.set(genKey(gen, "meta"), JSON.stringify(info));
    if (!(await store.compareAndSet(KEY_CURRENT, old, gen))) {
      throw new Error("another import replaced the agency list at the same time; run the import again");
    }
  } catch (error) {
    await store.delete(genKey(gen, "rows"), genKey(gen, "meta"));
    throw error;
  }
  if (old) await store.delete(genKey(old, "rows"), genKey(old, "meta"));
  return info;
}

/** A found agency and how sure the match is (1 = exact name, alias or BIN). */
export interface AgencyMatch {
  agency: Agency;
  score: number;
}

export type LookupResult = { list: "none" } | { list: AgencyListInfo; matches: AgencyMatch[] };

/**
 * Looks agencies up in the current list, by BIN (12 digits) or by name in any script, with
 * small spelling differences forgiven. Keeps the parsed list of the current generation in memory.
 */
export class AgencyDirectory {
  private cached?: { gen: string; info: AgencyListInfo; entries: Array<{ agency: Agency; keys: string[] }> };

  constructor(private readonly store: Store) {}

  async lookup(query: string, limit = 3): Promise<LookupResult> {
    const list = await this.load();
    if (!list) return { list: "none" };
    const digits = query.replace(/[\s-]/g, "");
    if (/^\d{12}$/.test(digits)) {
      return { list: list.info, matches: list.entries.filter((e) => e.agency.bin === digits).map((e) => ({ agency: e.agency, score: 1 })) };
    }
    const q = nameKey(query);
    if (q.length < 2) return { list: list.info, matches: [] };
    const matches: AgencyMatch[] = [];
    for (const entry of list.entries) {
      const score = Math.max(...entry.keys.map((k) => similarity(q, k)));
      if (score >= 0.72) matches.push({ agency: entry.agency, score });
    }
    matches.sort((a, b) => b.score - a.score);
    return { list: list.info, matches: matches.slice(0, limit) };
  }

  async info(): Promise<AgencyListInfo | undefined> {
    return (await this.load())?.info;
  }

  private async load() {
    const gen = await this.store.get(KEY_CURRENT);
    if (!gen) return undefined;
    if (this.cached?.gen === gen) return this.cached;
    const [rows, meta] = await Promise.all([this.store.hgetall(genKey(gen, "rows")), this.store.get(genKey(gen, "meta"))]);
    const entries = Object.keys(rows)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => JSON.parse(rows[k] ?? "{}") as Agency)
      .map((agency) => ({ agency, keys: [agency.name, ...agency.aliases].map(nameKey).filter(Boolean) }));
    const info: AgencyListInfo = meta ? (JSON.parse(meta) as AgencyListInfo) : { count: entries.length, importedAt: 0 };
    this.cached = { gen, info, entries };
    return this.cached;
  }
}

/**
 * How alike two name keys are, 0..1: 1 when equal, high when one is a whole-word part of the
 * other ("jol servis" in "jol servis almati"), otherwise edit distance and letter pairs.
 */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && ` ${long} `.includes(` ${short} `)) return 0.9;
  const ca = a.replace(/\s/g, "");
  const cb = b.replace(/\s/g, "");
  if (ca === cb) return 0.98;
  const lev = 1 - distance(ca, cb, Math.max(ca.length, cb.length)) / Math.max(ca.length, cb.length);
  return Math.max(lev, dice(ca, cb));
}

function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let common = 0;
  for (const [k, n] of pa) common += Math.min(n, pb.get(k) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}
