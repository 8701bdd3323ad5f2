import type { Bot } from "grammy";
import type { Plugin } from "../engine/plugin.ts";
import type { PluginEffects } from "../engine/effect-context.ts";
import type { CheckProblem } from "../core/check-problem.ts";
import type { FlowSet } from "../engine/flow.ts";
import { LANGS } from "../core/lang.ts";
import { CaseService, type CaseServiceDeps } from "./service.ts";
import { caseKinds } from "./kinds.ts";
import { resumeChat } from "./chat-kind.ts";
import { CASE_LEFT, HANDOFF, RELAY, openCaseSlot } from "./types.ts";
import { createCaseLeftHandler, createFeedbackHook, createHandoffHandler, createRelayHandler, relayKeys } from "./relay.ts";
import { TelegramDesk, type TelegramDeskDeps, type TelegramDeskOptions } from "./telegram-desk.ts";

/** The flow that opens a case and holds the chat (`flows/consultant.yaml`). */
const CONSULTANT_FLOW = "consultant";

/** The messages the cases module needs in every language (the checker also compares all ids). */
const REQUIRED = ["case-intro-shared", "case-describe-ask", "case-opened", "case-added", "case-left", "case-end-words", "case-feedback-ask"];

/** What the cases module needs from the app: the service's and the staff desk's parts, and the flows (the relay's words). */
export interface CasesDeps extends CaseServiceDeps, TelegramDeskDeps {
  flows: FlowSet;
}

/** The cases plugin, with the service it runs on (so the staff desks can share it). */
export interface CasesPlugin extends Plugin, PluginEffects {
  service: CaseService;
  /** The Telegram staff desk, once the Telegram channel installed it (TELEGRAM_STAFF_CHAT_ID set). */
  desk: TelegramDesk | undefined;
  /** Options for the desk (tests inject a fake clock); read when the desk is installed. */
  deskOptions: TelegramDeskOptions;
  /** Installs the staff desk on the bot (the app lists it in `app.telegramExtensions`). */
  telegram: (bot: Bot) => void;
  /** Starts and stops the desk's staff queue and SLA reminders. */
  start(): void;
  stop(): Promise<void>;
}

/** The cases plugin among the app's plugins. */
export function casesPluginOf(plugins: readonly Plugin[]): CasesPlugin | undefined {
  return plugins.find((p): p is CasesPlugin => p.name === "cases" && "service" in p);
}

/**
 * The hotline handoff: the `consultant` flow's node kinds, the `handoff` effect (open a case),
 * and the inbound hook that relays an open case's messages to the consultant. The staff side
 * (the Telegram staff group) is `telegram(bot)`, which `createApp` lists in
 * `app.telegramExtensions`; `start()`/`stop()` run its staff queue and SLA reminders. `jol desk`
 * drives the same `CaseService` from a terminal.
 *
 * @example
 * const plugins = [createCasesPlugin(deps)];
 */
export function createCasesPlugin(deps: CasesDeps): CasesPlugin {
  const service = new CaseService(deps);
  const plugin: CasesPlugin = {
    name: "cases",
    service,
    desk: undefined,
    deskOptions: {},
    telegram(bot) {
      if (deps.config.TELEGRAM_STAFF_CHAT_ID === undefined) return;
      plugin.desk ??= new TelegramDesk(service, deps, plugin.deskOptions);
      plugin.desk.install(bot);
    },
    start() {
      plugin.desk?.start();
    },
    async stop() {
      await plugin.desk?.stop();
    },
    kinds: caseKinds(deps.config),
    resume: resumeChat(CONSULTANT_FLOW),
    session: openCaseSlot,
    effects: {
      [HANDOFF]: createHandoffHandler(service),
      [RELAY]: createRelayHandler(service),
      [CASE_LEFT]: createCaseLeftHandler(service),
      forget: async (_effect, ctx) => service.forget(ctx.address),
    },
    inbound: createFeedbackHook(service),
    prefetch: relayKeys,
    check(flows, i18n) {
      const problems: CheckProblem[] = [];
      const flow = flows.flows.get(CONSULTANT_FLOW);
      if (!flow) {
        problems.push({ file: "flows/consultant.yaml", message: "the consultant flow is missing", fix: "restore flows/consultant.yaml (flow: consultant)" });
      } else if (![...flow.nodes.values()].some((n) => n.type === "case-open")) {
        problems.push({ file: flow.file, message: "the consultant flow has no case-open node, so no case is ever opened", fix: "end the flow with a node of type case-open" });
      } else if (![...flow.nodes.values()].some((n) => n.type === "case-chat")) {
        problems.push({ file: flow.file, message: "the consultant flow has no case-chat node, so the user cannot write to the consultant", fix: "add a node of type case-chat and point the case-open node's next at it" });
      }
      for (const lang of LANGS) {
        for (const id of REQUIRED) {
          if (!i18n.has(lang, id)) problems.push({ file: `locales/${lang}/cases.ftl`, message: `missing message ${id}`, fix: `add ${id} = ... to locales/${lang}/cases.ftl` });
        }
        for (const name of service.templates()) {
          if (!i18n.has(lang, `case-tpl-${name}`)) {
            problems.push({ file: `locales/${lang}/cases.ftl`, message: `canned reply case-tpl-${name} is missing in ${lang}`, fix: `translate case-tpl-${name} into ${lang}` });
          }
        }
      }
      return problems;
    },
  };
  return plugin;
}
