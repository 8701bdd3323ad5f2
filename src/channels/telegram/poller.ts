import { GrammyError, type Api } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../core/log.ts";
import { describeError } from "./describe-error.ts";

export interface PollerOptions {
  api: Api;
  /** Long-poll timeout, seconds. */
  timeoutSeconds: number;
  allowedUpdates: readonly string[];
  /**
   * Store one update durably (or hand it to the extensions); a rejection means "not stored": the
   * batch is fetched again, because its offset was not confirmed.
   */
  receive: (update: Update) => Promise<void>;
  log: Logger;
  /** Pause after another process took over polling (409), ms. */
  restartMs: number;
  /** Pause after a failed fetch or a batch that could not be stored, ms (default 1000). */
  retryMs?: number;
  /** Where the Bot API is, for the log line when it cannot be reached. */
  apiRoot?: string;
  /** Told when fetching starts failing (false) and when it works again (true). */
  onState?: (up: boolean) => void;
}

/**
 * Long polling that confirms an update only after it is stored: Telegram treats every update
 * below the `offset` of the next `getUpdates` as confirmed and forgets it, so the offset moves past
 * a batch only once every update of it is in an inbox. (`@grammyjs/runner` confirms a batch as
 * soon as it is fetched, which lost updates on a crash.) Updates of one chat are stored one after
 * another, different chats at once.
 *
 * Redis down: storing fails, the batch is fetched again after `retryMs`, and Telegram keeps it
 * meanwhile. 409 (another poller, or a webhook is set): pause `restartMs` and try again. 401: stop.
 */
export class Poller {
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private failing = false;

  constructor(private readonly o: PollerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Stop fetching (the long poll is cut short) and wait for the batch in hand to be stored. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { api, log } = this.o;
    const signal = this.abort.signal;
    let offset = 0;
    while (!signal.aborted) {
      let batch: Update[];
      try {
        batch = await api.getUpdates({ offset, timeout: this.o.timeoutSeconds, allowed_updates: [...this.o.allowedUpdates] as never }, signal as Parameters<Api["getUpdates"]>[1]);
      } catch (error) {
        if (signal.aborted) break;
        const code = error instanceof GrammyError ? error.error_code : undefined;
        if (code === 401) {
          log.error("telegram: polling stopped, the token was rejected (401); set a valid TELEGRAM_BOT_TOKEN and restart", {});
          return;
        }
        if (code === 409) {
          log.warn("telegram: polling interrupted, restarting", {
            reason: "another process is polling with this token or a webhook is set; run one polling process, or use webhook mode everywhere",
            inMs: this.o.restartMs,
          });
          await pause(this.o.restartMs, signal);
          continue;
        }
        if (!this.failing) {
          log.warn(
            `Telegram unreachable at ${this.o.apiRoot ?? "the Bot API"}, retrying every ${(this.o.retryMs ?? 1000) / 1000} s; check network/proxy/TELEGRAM_API_ROOT`,
            { error: describeError(error) },
          );
          this.o.onState?.(false);
        }
        this.failing = true;
        await pause(this.o.retryMs ?? 1000, signal);
        continue;
      }
      if (this.failing) {
        log.info(`Telegram reachable again at ${this.o.apiRoot ?? "the Bot API"}: receiving updates`, {});
        this.o.onState?.(true);
      }
      this.failing = false;
      if (batch.length === 0) continue;
      try {
        await this.store(batch);
      } catch (error) {
        // Not confirmed: the same batch comes again (the ones already stored are recognised).
        log.warn("telegram: updates could not be stored (is Redis reachable?); fetching them again", { error: describeError(error) });
        await pause(this.o.retryMs ?? 1000, signal);
        continue;
      }
      offset = batch[batch.length - 1]!.update_id + 1;
    }
  }

  /** Store a batch: one chat's updates in order, chats at once; rejects if any failed. */
  private async store(batch: Update[]): Promise<void> {
    const chains = new Map<string, Promise<void>>();
    for (const update of batch) {
      const chat = chatOf(update);
      chains.set(chat, (chains.get(chat) ?? Promise.resolve()).then(() => this.o.receive(update)));
    }
    const outcomes = await Promise.allSettled(chains.values());
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failed) throw failed.reason;
  }
}

function chatOf(update: Update): string {
  const chat = update.message?.chat ?? update.edited_message?.chat ?? update.callback_query?.message?.chat;
  return chat ? String(chat.id) : `u${update.update_id}`;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
