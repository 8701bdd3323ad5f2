import { whatsappStatuses } from "../../metrics/metrics.ts";
import type { Channel } from "../channel.ts";
import type { Config } from "../../config/schema.ts";
import { userKey, type Address } from "../../core/address.ts";
import { type Clock } from "../../core/clock.ts";
import { type Lang } from "../../core/lang.ts";
import { type Outbound } from "../../core/messages.ts";
import { readSession } from "../../engine/session.ts";
import { matchLang, type Localizer } from "../../i18n/localizer.ts";
import { hashId, type Logger } from "../../core/log.ts";
import type { Outbox } from "../../outbox/outbox.ts";
import { sessionKey } from "../../core/keys.ts";
import type { Router } from "../../router/router.ts";
import type { Store } from "../../store/store.ts";
import { FixableError } from "../../core/errors.ts";
import { decodeChoice, rememberChoices } from "../telegram/callback-data.ts";
import { deliveryFailure, GraphError, REENGAGEMENT, WindowClosedError } from "./errors.ts";
import { GraphClient } from "./graph-client.ts";
import { renderCloud, type CloudPayload } from "./render.ts";
import { toCloudUpdate, type CloudInbound, type CloudStatusReport } from "./to-inbound.ts";
import { CloudWindow } from "./window.ts";
import { startCloudWebhook, type CloudWebhookServer } from "./webhook.ts";
import type { CloudWebhook } from "./payload.ts";

/** What the Cloud transport needs of the running app (never the whole `App`). */
export interface WhatsAppCloudChannelDeps {
  config: Config;
  log: Logger;
  store: Store;
  i18n: Localizer;
  router: Router;
  outbox: Outbox;
  clock: Clock;
}

export interface CloudChannelOptions {
  /** Listen here instead of WHATSAPP_WEBHOOK_PORT (0: any free port, for tests). */
  webhookPort?: number;
  /** While false (Redis away) webhook POSTs are answered 503, so Meta sends them again later. */
  ready?: () => boolean;
  /** How long a new message waits for an earlier one of the same user still arriving at another worker (default 100 ms). */
  settleMs?: number;
}

/** Counters of the Cloud transport for logs and metrics: statuses and failure codes Meta reported. */
export const cloudCounters = {
  statuses: { sent: 0, delivered: 0, read: 0, failed: 0, other: 0 } as Record<CloudStatusReport["status"], number>,
  /** Failed statuses by Meta's error code. */
  failures: {} as Record<string, number>,
  /** Messages held for a closed window, and templates sent for them. */
  held: 0,
  templates: 0,
  /** Reply ids that were not ours (forged or garbled) or had expired. */
  badChoices: 0,
};

const DAY_MS = 86_400_000;
/** The longest alert text sent as a template variable: Meta's 1,024-character body, less the template's own words. */
const ALERT_VARIABLE_CHARS = 900;

/** How long the sent message is kept by its wamid, to send it again by template if Meta reports 131047. */
const SENT_REF_MS = 3_600_000;

/**
 * WhatsApp over Meta's Cloud API (`WHATSAPP_TRANSPORT=cloud`): a webhook server any number of
 * workers can run behind a load balancer, and sending through the Graph API. Same `whatsapp`
 * channel name and conversations as the web transport; addresses are the users' wa_ids.
 *
 * - Intake: each message of a verified webhook goes to `router.intake`; the webhook is answered
 *   200 only after all of them are stored. The user's 24-hour window opens, and messages held for
 *   it move into the user's outbox first. A reply id that is not ours → a polite note, no intake.
 * - Sending (`send`, called by the outbox): inside the window as buttons, lists or text; outside
 *   it the messages are held and the template of the user's language tells the user there is a
 *   message (once per closed window); with no template → `WindowClosedError` (kept, the
 *   consultant is told why). Meta's 131047 (window closed meanwhile) takes the same path, also
 *   when it comes later in a failed status.
 *
 * @example
 * const channel = createWhatsAppCloudChannel(app); app.channels.add(channel); await channel.start();
 */
export function createWhatsAppCloudChannel(deps: WhatsAppCloudChannelDeps, options: CloudChannelOptions = {}): WhatsAppCloudChannel {
  return new WhatsAppCloudChannel(deps, options);
}

export class WhatsAppCloudChannel implements Channel {
  readonly name = "whatsapp" as const;
  private readonly graph: GraphClient;
  private readonly window: CloudWindow;
  private webhook: CloudWebhookServer | undefined;

  constructor(
    private readonly deps: WhatsAppCloudChannelDeps,
    private readonly options: CloudChannelOptions = {},
  ) {
    const { WHATSAPP_CLOUD_TOKEN: token, WHATSAPP_PHONE_NUMBER_ID: phoneNumberId } = deps.config;
    if (!token || !phoneNumberId) throw new FixableError("WHATSAPP_TRANSPORT=cloud needs WHATSAPP_CLOUD_TOKEN and WHATSAPP_PHONE_NUMBER_ID (see docs/whatsapp.md).");
    this.graph = new GraphClient({ root: deps.config.WHATSAPP_GRAPH_ROOT, token, phoneNumberId });
    this.window = new CloudWindow(deps.store, deps.outbox, () => deps.clock.now(), deps.config.SESSION_TTL_DAYS * DAY_MS);
  }

  /** The webhook server's port once started. */
  get webhookPort(): number | undefined {
    return this.webhook?.port;
  }

  async start(): Promise<void> {
    const { WHATSAPP_APP_SECRET: appSecret, WHATSAPP_VERIFY_TOKEN: verifyToken, WHATSAPP_WEBHOOK_HOST: host, WHATSAPP_WEBHOOK_PORT: port } = this.deps.config;
    if (!appSecret || !verifyToken) throw new FixableError("WHATSAPP_TRANSPORT=cloud needs WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN (see docs/whatsapp.md).");
    this.webhook = await startCloudWebhook({
      host,
      port: this.options.webhookPort ?? port,
      appSecret,
      verifyToken,
      log: this.deps.log,
      receive: (payload) => this.receive(payload),
      ready: () => (this.options.ready?.() ?? true) && (this.deps.store.available?.() ?? true),
    });
    this.deps.log.info("whatsapp cloud webhook listening", { port: this.webhook.port });
  }

  connected(): boolean {
    return this.webhook !== undefined;
  }

  async stopIntake(): Promise<void> {
    const webhook = this.webhook;
    this.webhook = undefined;
    await webhook?.close();
  }

  async stop(): Promise<void> {
    await this.stopIntake();
  }

  /** Messages waiting for the user's window (tests and diagnostics). */
  held(address: Address): Promise<Outbound[][]> {
    return this.window.held(address);
  }

  // --- intake ----------------------------------------------------------------------------

  /** One verified webhook: statuses recorded, messages stored in order. Rejects (→ 503) if storing fails. */
  private async receive(payload: CloudWebhook): Promise<void> {
    const update = toCloudUpdate(payload);
    for (const status of update.statuses) await this.onStatus(status);
    for (const message of update.messages) await this.onMessage(message);
  }

  private async onMessage({ inbound, sentAt }: CloudInbound): Promise<void> {
    const address = inbound.address;
    await this.window.opened(address, sentAt);
    const released = await this.window.release(address);
    if (released > 0) this.deps.log.info("whatsapp cloud: held messages sent now that the user wrote", { user: hashId(userKey(address)), count: released });
    if (inbound.input.kind === "choice") {
      const decoded = await decodeChoice(inbound.input.data, this.deps.store);
      if (!decoded.ok) {
        cloudCounters.badChoices++;
        this.deps.log.info("whatsapp cloud: reply id rejected", { user: hashId(userKey(address)), reason: decoded.reason });
        // Once per message id, so Meta's retry of this webhook does not repeat the note.
        if (await this.deps.store.setIfAbsent(`wac:bad:{${userKey(address)}}:${inbound.messageId}`, "1", DAY_MS)) {
          const key = decoded.reason === "expired" ? "wa-cloud-button-expired" : "wa-cloud-button-invalid";
          await this.deps.outbox.enqueue(address, [{ text: this.deps.i18n.t(await this.userLang(address, inbound.langHint), key), keys: [key] }]);
        }
        return;
      }
      inbound.input = { kind: "choice", data: decoded.token };
    }
    await this.deps.router.intake(inbound, { settleMs: this.options.settleMs ?? 100 });
  }

  private async onStatus(report: CloudStatusReport): Promise<void> {
    cloudCounters.statuses[report.status]++;
    if (report.codes.length === 0) whatsappStatuses.inc({ status: report.status });
    for (const code of report.codes) {
      cloudCounters.failures[String(code)] = (cloudCounters.failures[String(code)] ?? 0) + 1;
      whatsappStatuses.inc({ status: report.status, code: String(code) });
    }
    if (report.status !== "failed") return;
    const address: Address = { channel: "whatsapp", id: report.recipient };
    const user = userKey(address);
    this.deps.log.warn("whatsapp cloud: a sent message failed", { user: hashId(user), codes: report.codes.join(",") });
    if (!report.codes.includes(REENGAGEMENT)) return;
    // The window had closed: the message goes the template way (held until the user writes).
    const raw = await this.deps.store.get(sentRefKey(user, report.messageId));
    if (!raw) return;
    await this.window.closed(address);
    try {
      await this.outsideWindow(address, JSON.parse(raw) as Outbound[]);
    } catch (error) {
      // Held without a template: the message waits. Anything else (Redis, Meta) rejects: 503, Meta sends the status again.
      if (!(error instanceof WindowClosedError)) throw error;
      this.deps.log.warn("whatsapp cloud: a message waits for the user's window (no template for their language)", { user: hashId(user) });
    }
    await this.deps.store.delete(sentRefKey(user, report.messageId));
  }

  // --- sending ---------------------------------------------------------------------------

  /** Send messages to a user (the outbox calls it). See the class comment for the window rules. */
  async send(address: Address, messages: Outbound[]): Promise<void> {
    if (messages.length === 0) return;
    const lang = await this.userLang(address);
    if (!(await this.window.isOpen(address))) return this.outsideWindow(address, messages, lang);
    for (let i = 0; i < messages.length; i++) {
      const message = await this.withUploadedMedia(address, messages[i]!);
      const { payloads, choices } = renderCloud([message], { listButton: this.deps.i18n.t(lang, "wa-cloud-list-button") });
      await rememberChoices(this.deps.store, choices, this.deps.config.SESSION_TTL_DAYS * DAY_MS);
      for (const payload of payloads) {
        try {
          const wamid = await this.graph.send(address.id, payload);
          await this.deps.store.set(sentRefKey(userKey(address), wamid), JSON.stringify([messages[i]]), SENT_REF_MS);
        } catch (error) {
          if (error instanceof GraphError && error.code === REENGAGEMENT) {
            await this.window.closed(address);
            return this.outsideWindow(address, messages.slice(i), lang);
          }
          throw deliveryFailure(address, error);
        }
      }
    }
  }

  /** Outside the window: hold the messages; tell the user by template (once), or throw `WindowClosedError`. */
  private async outsideWindow(address: Address, messages: Outbound[], known?: Lang): Promise<void> {
    const lang = known ?? (await this.userLang(address));
    if (await this.alertByTemplate(address, messages, lang)) return;
    if (await this.window.hold(address, messages)) cloudCounters.held++;
    const template = this.deps.config.WHATSAPP_TEMPLATES?.[lang];
    if (!template) throw new WindowClosedError(address, lang);
    if (!(await this.window.templateOnce(address))) return; // told already; the messages wait
    const payload: CloudPayload = { type: "template", template: { name: template.name, language: { code: template.code } } };
    try {
      await this.graph.send(address.id, payload);
      cloudCounters.templates++;
    } catch (error) {
      await this.window.templateFailed(address);
      throw deliveryFailure(address, error);
    }
  }

  /**
   * An alert outside the window goes out as the alert template of the user's language, its text
   * the template's one variable (Meta allows no line breaks in a variable, and 1,024 characters
   * for a template's body): the subscriber reads the alert itself. Without an alert template, or
   * for a longer text, false: it is held like any other message.
   */
  private async alertByTemplate(address: Address, messages: Outbound[], lang: Lang): Promise<boolean> {
    const template = this.deps.config.WHATSAPP_ALERT_TEMPLATES?.[lang];
    if (!template || messages.length === 0 || !messages.every((m) => m.purpose === "alert" && !m.media)) return false;
    const texts = messages.map((m) => m.text.replace(/\s+/g, " ").trim());
    if (texts.some((t) => t.length === 0 || t.length > ALERT_VARIABLE_CHARS)) return false;
    for (const text of texts) {
      const payload: CloudPayload = {
        type: "template",
        template: { name: template.name, language: { code: template.code }, components: [{ type: "body", parameters: [{ type: "text", text }] }] },
      };
      try {
        await this.graph.send(address.id, payload);
        cloudCounters.templates++;
      } catch (error) {
        throw deliveryFailure(address, error);
      }
    }
    return true;
  }

  /** A consultant's media given by URL: fetched, uploaded to the Graph media endpoint, sent by id. */
  private async withUploadedMedia(address: Address, message: Outbound): Promise<Outbound> {
    const media = message.media;
    if (!media?.url || media.fileId) return message;
    try {
      const response = await fetch(media.url, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`fetching the media answered ${response.status}`);
      const type = response.headers.get("content-type")?.split(";")[0]?.trim() || "application/octet-stream";
      const name = new URL(media.url).pathname.split("/").pop() || "file";
      const id = await this.graph.upload(new Uint8Array(await response.arrayBuffer()), type, name);
      return { ...message, media: { kind: media.kind, fileId: id } };
    } catch (error) {
      throw deliveryFailure(address, error);
    }
  }

  /** The user's language from their session (read without the lock: only for rendering), else the hint's or the default. */
  private async userLang(address: Address, hint?: string): Promise<Lang> {
    try {
      const read = readSession(await this.deps.store.get(sessionKey(userKey(address))), this.deps.clock.now());
      if (read.session.lang) return read.session.lang;
    } catch (error) {
      this.deps.log.debug("whatsapp cloud: session not readable", { error: (error as Error).message });
    }
    return matchLang(hint) ?? this.deps.config.DEFAULT_LANG;
  }
}

const sentRefKey = (user: string, wamid: string) => `wac:sent:{${user}}:${wamid}`;
