import type { InlineKeyboardButton } from "grammy/types";
import type { Lang } from "../core/lang.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { describeAudience } from "./prepare.ts";
import { statusOf, type AlertRecord } from "./store.ts";

/** Callback data of the card's buttons: `alc:<action>:<alert id>`. */
export const CARD_BUTTON = /^alc:(pause|resume|cancel):(\d{1,12})$/;

/** `<chat>:<message>` of a card, as `AlertStore.setCard` keeps it. */
export function parseCard(card: string | undefined): { chat: number; message: number } | null {
  const m = /^(-?\d+):(\d+)$/.exec(card ?? "");
  return m ? { chat: Number(m[1]), message: Number(m[2]) } : null;
}

/** `▓▓▓░░░░░░░ 30%` */
export function progressBar(done: number, total: number, width = 10): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const full = Math.round(share * width);
  return `${"▓".repeat(full)}${"░".repeat(width - full)} ${Math.floor(share * 100)}%`;
}

/**
 * The progress card of an alert in the staff's language: a bar, sent / failed / blocked / left,
 * the rate and the expected finish while sending; the report once it ended. Buttons by state.
 */
export function renderCard(i18n: Localizer, lang: Lang, alert: AlertRecord, now: number): { text: string; buttons: InlineKeyboardButton[][] } {
  const s = statusOf(alert);
  const done = alert.sent + alert.failed + alert.blocked + alert.skipped;
  const common = { id: alert.id, total: s.total, sent: s.sent, failed: s.failed, blocked: s.blocked, left: s.left, audience: describeAudience(alert.audience) };
  if (alert.finished !== undefined) {
    const minutes = Math.max(1, Math.round((alert.finished - Math.max(alert.created, alert.at)) / 60_000));
    return { text: i18n.t(lang, "alc-report", { ...common, state: i18n.t(lang, `alc-state-${alert.state}`), minutes }), buttons: [] };
  }
  const started = Math.max(alert.created, alert.at);
  const seconds = Math.max(1, (now - started) / 1000);
  const rate = done > 0 && now > started ? done / seconds : 0;
  const eta = rate > 0 ? Math.ceil(s.left / rate / 60) : 0; // 0: not known yet (the texts show a dash)
  const text = i18n.t(lang, "alc-card", { ...common, state: i18n.t(lang, `alc-state-${alert.state}`), bar: progressBar(done, s.total), rate: rate.toFixed(1), eta });
  const button = (action: "pause" | "resume" | "cancel") => ({ text: i18n.t(lang, `alc-${action}`), callback_data: `alc:${action}:${alert.id}` });
  const row = alert.state === "paused" ? [button("resume"), button("cancel")] : alert.state === "cancelled" ? [] : [button("pause"), button("cancel")];
  return { text, buttons: row.length > 0 ? [row] : [] };
}
