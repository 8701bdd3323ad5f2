import { z } from "zod";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Config } from "../config/schema.ts";
import type { Lang } from "../core/lang.ts";
import { KnowledgeBase, contactArgs } from "../knowledge/articles.ts";
import { parseKnowledgeMeta } from "../knowledge/metadata.ts";
import { DATA_NAME } from "../knowledge/check.ts";
import { ARTICLE_LINK_PREFIX } from "../knowledge/interceptors.ts";
import { catalogueFrom } from "../screening/data.ts";
import type { Catalogue } from "../screening/catalogue.ts";

/**
 * What the portal shows, read from the same loaded content and settings as the bot: the
 * articles (through the bot's `KnowledgeBase`), the two roads as the bot's menus group them
 * (`flows/coming.yaml`, `flows/abroad.yaml`), the screening catalogue, the contacts and the
 * links into the bot. Nothing here is written for the portal only, so it cannot disagree.
 */
export interface PortalModel {
  kb: KnowledgeBase;
  i18n: Localizer;
  catalogue: Catalogue;
  roads: Road[];
  contacts: Contacts;
  bot: BotLinks;
  /** Absolute URL of the site root ending in "/", or "/" when none is configured. */
  baseUrl: string;
}

/** One road (coming to Kazakhstan, going abroad): its label and its menus' groups of articles. */
export interface Road {
  id: string;
  /** Message id of the road's name (the main menu's button). */
  label: string;
  groups: { label?: string; articles: string[] }[];
}

export interface Contacts {
  hotlinePhone: string;
  hotlineHours: string;
  /** Entries of EMERGENCY_CONTACTS (" | " between them). */
  emergency: string[];
  /** Which of them are the shipped placeholders, not real contacts. */
  demo: { hotline: boolean; emergency: boolean };
}

export interface BotLinks {
  telegram?: string;
  whatsapp?: string;
}

/** The flows whose menus are the portal's two roads, with the main menu's label of each. */
export const ROADS = [
  { id: "coming", label: "main-coming" },
  { id: "abroad", label: "main-abroad" },
] as const;

/** Pages that are not articles; an article may not take their names. */
export const RESERVED_PAGES = ["index", "search", "red-flags", "job-check"] as const;

const MenuNode = z.object({
  type: z.literal("menu"),
  choices: z.array(z.object({ label: z.union([z.string(), z.object({ id: z.string() })]), next: z.string().optional() })),
});
const ArticleNode = z.object({ type: z.literal("article"), article: z.string() });

/** A placeholder contact as shipped in the settings' defaults ("… DEMO …"). */
export function isDemo(value: string): boolean {
  return /\bDEMO\b/i.test(value);
}

export function buildModel(
  input: { flows: FlowSet; i18n: Localizer; config: Pick<Config, "HOTLINE_PHONE" | "HOTLINE_HOURS" | "EMERGENCY_CONTACTS" | "TELEGRAM_BOT_USERNAME" | "WHATSAPP_NUMBER"> },
  baseUrl: string | undefined,
): PortalModel {
  const { flows, i18n, config } = input;
  const data = flows.data.get(DATA_NAME);
  if (!data) throw new Error(`flows/${DATA_NAME}.yaml is missing: the portal is built from the knowledge base`);
  const kb = new KnowledgeBase(parseKnowledgeMeta(data.value, data.file), i18n, contactArgs(config));
  for (const article of kb.meta.articles) {
    if ((RESERVED_PAGES as readonly string[]).includes(article.id)) throw new Error(`${data.file}: article id "${article.id}" is the name of a portal page; rename the article`);
  }
  const emergency = config.EMERGENCY_CONTACTS.split("|").map((s) => s.trim()).filter(Boolean);
  return {
    kb,
    i18n,
    catalogue: catalogueFrom(flows.data),
    roads: ROADS.map((road) => ({ ...road, groups: roadGroups(flows, road.id, kb) })),
    contacts: {
      hotlinePhone: config.HOTLINE_PHONE,
      hotlineHours: config.HOTLINE_HOURS,
      emergency,
      demo: { hotline: isDemo(config.HOTLINE_PHONE), emergency: isDemo(config.EMERGENCY_CONTACTS) },
    },
    bot: {
      ...(config.TELEGRAM_BOT_USERNAME ? { telegram: config.TELEGRAM_BOT_USERNAME } : {}),
      ...(config.WHATSAPP_NUMBER ? { whatsapp: config.WHATSAPP_NUMBER } : {}),
    },
    baseUrl: baseUrl ? (baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`) : "/",
  };
}

/** The groups of a road's menu: each sub-menu with its articles, then the articles listed directly. */
function roadGroups(flows: FlowSet, flowId: string, kb: KnowledgeBase): Road["groups"] {
  const flow = flows.flows.get(flowId);
  if (!flow) return [];
  const menu = [flow.nodes.get(flow.start), flow.nodes.get("menu")].map((n) => MenuNode.safeParse(n)).find((r) => r.success)?.data;
  if (!menu) return [];
  const articleOf = (nodeId: string | undefined): string | undefined => {
    const parsed = ArticleNode.safeParse(nodeId ? flow.nodes.get(nodeId) : undefined);
    return parsed.success && kb.article(parsed.data.article) ? parsed.data.article : undefined;
  };
  const groups: Road["groups"] = [];
  const direct: string[] = [];
  for (const choice of menu.choices) {
    const single = articleOf(choice.next);
    if (single) {
      direct.push(single);
      continue;
    }
    const sub = MenuNode.safeParse(choice.next ? flow.nodes.get(choice.next) : undefined);
    if (!sub.success) continue;
    const articles = sub.data.choices.map((c) => articleOf(c.next)).filter((a): a is string => a !== undefined);
    if (articles.length) groups.push({ label: typeof choice.label === "string" ? choice.label : choice.label.id, articles });
  }
  if (direct.length) groups.push({ articles: direct });
  return groups;
}

/** Articles the roads do not list (shown under "more topics" on the home page, so none is unreachable). */
export function unlisted(model: PortalModel): string[] {
  const listed = new Set(model.roads.flatMap((r) => r.groups.flatMap((g) => g.articles)));
  return model.kb.meta.articles.map((a) => a.id).filter((id) => !listed.has(id));
}

/**
 * What a bot link opens: an article (`kb-<id>`, see `articleStartLink`), the job-offer check
 * (`job-check`, see `jobCheckStartLink`), or the main menu (`portal`). The page's language
 * follows as `_<lang>`; the engine uses it for a user who has not chosen one.
 */
export type BotTarget = { article: string } | "job-check" | "home";

function payload(target: BotTarget, lang: Lang): string {
  const place = typeof target === "object" ? `${ARTICLE_LINK_PREFIX}${target.article}` : target === "job-check" ? "job-check" : "portal";
  return `${place}_${lang}`;
}

/** `https://t.me/<bot>?start=<payload>`, or undefined without a bot username. */
export function telegramLink(bot: BotLinks, lang: Lang, target: BotTarget): string | undefined {
  return bot.telegram ? `https://t.me/${bot.telegram}?start=${payload(target, lang)}` : undefined;
}

/** `https://wa.me/<number>?text=/start <payload>`: WhatsApp pre-fills the message the engine takes as the same deep link. */
export function whatsappLink(bot: BotLinks, lang: Lang, target: BotTarget): string | undefined {
  return bot.whatsapp ? `https://wa.me/${bot.whatsapp}?text=${encodeURIComponent(`/start ${payload(target, lang)}`)}` : undefined;
}
