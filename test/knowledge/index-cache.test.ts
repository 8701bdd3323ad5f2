/**
 * The knowledge search index kept on disk (`src/knowledge/index-cache.ts`): a second start reads
 * it and ranks exactly as a fresh build; a changed article gives a new index (never a stale one);
 * a folder that cannot be written leaves the search working from memory.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import { KnowledgeSearch, type ArticleTextSource } from "../../src/knowledge/search.ts";
import { IndexCache } from "../../src/knowledge/index-cache.ts";
import type { KnowledgeBase } from "../../src/knowledge/articles.ts";

const QUESTIONS = [
  "сколько дней можно находиться в Казахстане",
  "ne platyat zarplatu",
  "Koreyaga ishlashga borish",
  "паспортумду бербей жатат",
  "how to check a recruitment agency",
  "registracia",
];

let kb: KnowledgeBase;
let text: ArticleTextSource;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "jol-index-cache-"));
  dirs.push(dir);
  return dir;
};
beforeAll(() => {
  kb = loadKnowledgeBase();
  const blank = { hotlinePhone: "", hotlineHours: "", emergency: "" };
  text = (lang, id, part) => kb.part(lang, id, part, blank);
});
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the cached search index", () => {
  it("is written on the first build and read on the next, ranking exactly as a fresh build", () => {
    const cache = new IndexCache(tempDir());
    const read = vi.spyOn(cache, "read");
    const built = new KnowledgeSearch(kb.meta, text, {}, cache);
    expect(read).toHaveLastReturnedWith(undefined);
    expect(readdirSync(cache.dir!).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    const loaded = new KnowledgeSearch(kb.meta, text, {}, cache);
    expect(read).not.toHaveLastReturnedWith(undefined);
    const fresh = new KnowledgeSearch(kb.meta, text, {}, new IndexCache(null));
    for (const q of QUESTIONS) {
      expect(loaded.rank(q)).toEqual(fresh.rank(q));
      expect(built.rank(q)).toEqual(fresh.rank(q));
    }
  });

  it("is built again when an article changes: the new text is found, the old file is removed", () => {
    const cache = new IndexCache(tempDir());
    const before = new KnowledgeSearch(kb.meta, text, {}, cache);
    const [oldFile] = readdirSync(cache.dir!);
    expect(before.answer("зонтик").kind).toBe("none");
    const changed: ArticleTextSource = (lang, id, part) => (lang === "ru" && id === "unpaid-wages" && part === "title" ? "Зонтик забрали" : text(lang, id, part));
    const after = new KnowledgeSearch(kb.meta, changed, {}, cache);
    expect(after.answer("зонтик")).toMatchObject({ kind: "answer", hits: [{ id: "unpaid-wages" }] });
    expect(readdirSync(cache.dir!)).not.toContain(oldFile);
    expect(readdirSync(cache.dir!)).toHaveLength(1);
  });

  it("follows an edited .ftl file through `loadKnowledgeBase` (the default cache of `jol ask`)", () => {
    const root = tempDir();
    cpSync("flows", join(root, "flows"), { recursive: true });
    cpSync("locales", join(root, "locales"), { recursive: true });
    const opts = { flowsDir: join(root, "flows"), localesDir: join(root, "locales") };
    expect(loadKnowledgeBase(opts).search.answer("зонтик").kind).toBe("none");
    const file = join(root, "locales", "ru", "knowledge.ftl");
    writeFileSync(file, readFileSync(file, "utf8").replace("kb-unpaid-wages-title = Не платят зарплату", "kb-unpaid-wages-title = Зонтик забрали"));
    expect(loadKnowledgeBase(opts).search.answer("зонтик")).toMatchObject({ kind: "answer", hits: [{ id: "unpaid-wages" }] });
  });

  it("that cannot be written leaves the search working from memory", () => {
    const blocker = join(tempDir(), "a-file");
    writeFileSync(blocker, "not a folder");
    const cache = new IndexCache(join(blocker, "cache"));
    const search = new KnowledgeSearch(kb.meta, text, {}, cache);
    expect(search.rank("ne platyat zarplatu")[0]?.id).toBe("unpaid-wages");
  });

  it("ignores a damaged file and builds again", () => {
    const cache = new IndexCache(tempDir());
    new KnowledgeSearch(kb.meta, text, {}, cache);
    const [name] = readdirSync(cache.dir!);
    writeFileSync(join(cache.dir!, name!), '{"mini": {"nope": 1}, "vocabulary": [], "synonyms": [], "common": []}');
    const search = new KnowledgeSearch(kb.meta, text, {}, cache);
    expect(search.rank("ne platyat zarplatu")[0]?.id).toBe("unpaid-wages");
    expect(JSON.parse(readFileSync(join(cache.dir!, name!), "utf8"))).toHaveProperty("mini.serializationVersion");
  });
});
