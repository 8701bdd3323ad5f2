import { z } from "zod";
import { LANGS, type Lang } from "../core/lang.ts";

/**
 * The knowledge base's metadata, read from the data file `flows/knowledge.yaml`
 * (`spec: 1`, `data: knowledge`, `value: { articles, synonyms, danger }`). The texts of each
 * article are Fluent messages (`kb-<id>-title`, `-short`, `-details`, `-next`).
 *
 * The schema is lenient about what `check()` reports with a line number (missing sources or
 * date, unknown related ids) so that one editing slip does not stop the bot; it is strict about
 * shape.
 */

/** Article ids: lower case, digits and -, short enough to be part of a button token. */
export const ArticleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,19}$/, "an article id of lower-case letters, digits and -, at most 20 characters, like stay-rules");

const PerLang = z.partialRecord(z.enum(LANGS), z.array(z.union([z.string(), z.number()]).transform(String)));

export const ArticleMetaSchema = z.strictObject({
  id: ArticleId,
  section: z.enum(["coming", "abroad", "both", "help"]),
  reviewed: z.string().optional(),
  related: z.array(z.string()).default([]),
  sources: z.array(z.string()).default([]),
  keywords: PerLang.default({}),
  /**
   * Names that tie the article to a place other than Kazakhstan (the country, its capital, its
   * programme): a question that names none of them is most likely not about that place, so the
   * article counts less.
   */
  places: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export const KnowledgeMetaSchema = z.strictObject({
  articles: z.array(ArticleMetaSchema).min(1, "the knowledge base needs at least one article"),
  synonyms: z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(2, "a synonym group needs two or more words")).default([]),
  danger: PerLang.default({}),
  /** Words in nearly every question (the country's name, in every language): they weigh little. */
  common: z.array(z.string()).default([]),
  /**
   * Words that take a question out of Kazakhstan ("abroad", other countries) besides the
   * articles' `places`: without one of them, a user who is coming to Kazakhstan asks about
   * Kazakhstan.
   */
  abroad: z.array(z.string()).optional(),
});
export type KnowledgeMeta = z.infer<typeof KnowledgeMetaSchema>;

/** The ids of the articles the issue requires; `check()` reports any that is missing. */
export const REQUIRED_ARTICLES = [
  "stay-rules", "registration", "work-permit", "trp", "household-permit", "kandas", "overstay", "inspections",
  "documents-taken", "unpaid-wages", "trafficking-signs", "going-abroad", "agency-check", "korea", "russia",
  "poland", "uk-seasonal", "consular-help", "hotline",
] as const;

/** The parts of an article, each a Fluent message `kb-<id>-<part>`. */
export const ARTICLE_PARTS = ["title", "short", "details", "next"] as const;
export type ArticlePart = (typeof ARTICLE_PARTS)[number];

export function messageId(article: string, part: ArticlePart): string {
  return `kb-${article}-${part}`;
}

/** Parse the `value` of the knowledge data file; throws a readable error naming the first problem. */
export function parseKnowledgeMeta(value: unknown, file = "flows/knowledge.yaml"): KnowledgeMeta {
  const parsed = KnowledgeMetaSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "value";
    throw new Error(`${file}: ${where}: ${issue?.message ?? "invalid"} (see the comment at the top of the file for the shape)`);
  }
  return parsed.data;
}

/** Keywords of an article in a language (empty if none). */
export function keywordsOf(article: ArticleMeta, lang: Lang): string[] {
  return article.keywords[lang] ?? [];
}
