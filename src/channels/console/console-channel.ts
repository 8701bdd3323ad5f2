import { createInterface } from "node:readline";
import { isRedisLost } from "../../core/errors.ts";
import { randomUUID } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import type { Channel } from "../channel.ts";
import type { Logger } from "../../core/log.ts";
import type { Store } from "../../store/store.ts";
import type { Router } from "../../router/router.ts";
import type { Address } from "../../core/address.ts";
import type { Inbound, Input, Outbound } from "../../core/messages.ts";
import { typedInput } from "../typed-command.ts";
import { renderNumbered } from "../numbered.ts";

/** Store key of a console user's outbox: messages other processes (the console desk) send them. */
export const outboxKey = (id: string) => `console:out:${id}`;
const OUTBOX_TTL_MS = 7 * 86_400_000;


export interface ConsoleOptions {
  user: string;
  input?: Readable;
  output?: Writable;
  /** Interactive: a prompt, and the outbox is polled for consultant messages. Default: input is a TTY. */
  interactive?: boolean;
  /** How often the outbox is read in interactive mode. */
  pollMs?: number;
}

/** What the console channel needs from the app (the running `App` has all of it). */
export interface ConsoleChannelDeps {
  router: Pick<Router, "handle">;
  /** The user's outbox (messages from `jol desk` in another process). */
  store: Pick<Store, "rpush" | "expire" | "lpop">;
  log: Logger;
}

/**
 * The console channel: talk to Jol in a terminal, choices as numbered lines. With a script on
 * standard input it reads one message per line until the end, prints every bot message and
 * resolves `done` — so conversations can be scripted (`printf '2\n1\n' | npx jol chat`).
 *
 * `send` puts messages in the user's outbox in the store, so a consultant at `jol desk` in
 * another process reaches a user of `jol chat` (with Redis). In interactive mode the outbox is
 * read at start (what came while the user was away, in order) and then every `pollMs`, one read
 * at a time; a consultant's message carries its label ("Консультант: …") and is printed on a
 * line of its own, with the prompt shown again after it.
 */
export class ConsoleChannel implements Channel {
  readonly name = "console" as const;
  private poller: NodeJS.Timeout | undefined;
  private counter = 0;
  private readonly runId = randomUUID().slice(0, 8);
  /** Resolves when standard input ends; rejects when Redis is lost (the chat cannot go on). */
  readonly done: Promise<void>;
  private finish!: () => void;
  private abort!: (error: unknown) => void;
  private readonly out: Writable;
  /** Outbox reads, one after another (a slow read must not let the next one overtake it). */
  private draining: Promise<void> = Promise.resolve();
  /** The prompt "> " is on screen, waiting for the user's line. */
  private prompting = false;
  private interactive = false;

  constructor(
    private readonly deps: ConsoleChannelDeps,
    private readonly options: ConsoleOptions,
  ) {
    this.out = options.output ?? process.stdout;
    this.done = new Promise((resolve, reject) => {
      this.finish = resolve;
      this.abort = reject;
    });
  }

  get address(): Address {
    return { channel: "console", id: this.options.user };
  }

  async start(): Promise<void> {
    const input = this.options.input ?? process.stdin;
    const interactive = this.options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
    this.interactive = interactive;
    const rl = createInterface({ input, terminal: false });
    if (interactive) {
      // What arrived while the user was away comes first, in order, before the prompt.
      await this.drainOutbox();
      this.poller = setInterval(() => void this.drainOutbox(), this.options.pollMs ?? 1000);
      this.prompt();
    }
    void (async () => {
      for await (const line of rl) {
        this.prompting = false;
        if (line.trim() !== "") await this.say(typedInput(line));
        if (interactive) this.prompt();
      }
      await this.drainOutbox();
      this.finish();
    })().catch((error: unknown) => this.abort(error));
  }

  private prompt(): void {
    this.out.write("> ");
    this.prompting = true;
  }

  /** Hand one input to the router and print the replies. */
  async say(input: Input): Promise<void> {
    const inbound: Inbound = { address: this.address, messageId: `${this.runId}-${++this.counter}`, input, langHint: process.env.LANG?.slice(0, 2) };
    try {
      await this.deps.router.handle(inbound, async (messages) => this.print(messages));
    } catch (error) {
      if (isRedisLost(error)) throw error;
      this.deps.log.error("console message failed", { error: error instanceof Error ? error.message : "unknown" });
    }
  }

  print(messages: Outbound[]): void {
    for (const message of messages) {
      const text = renderNumbered(message);
      this.out.write(`${message.from ? `${message.from}: ${text}` : text}\n\n`);
    }
  }

  async stop(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }

  async send(address: Address, messages: Outbound[]): Promise<void> {
    await this.deps.store.rpush(outboxKey(address.id), ...messages.map((m) => JSON.stringify(m)));
    await this.deps.store.expire(outboxKey(address.id), OUTBOX_TTL_MS);
  }

  /** Print what other processes sent the user, oldest first; one read at a time. */
  drainOutbox(): Promise<void> {
    this.draining = this.draining
      .then(() => this.drainOnce())
      .catch((error: unknown) => this.deps.log.warn("console outbox not read", { error: error instanceof Error ? error.message : "unknown" }));
    return this.draining;
  }

  private async drainOnce(): Promise<void> {
    const interrupted = this.prompting;
    let printed = false;
    for (;;) {
      const raw = await this.deps.store.lpop(outboxKey(this.options.user));
      if (raw === null) break;
      let message: Outbound;
      try {
        message = JSON.parse(raw) as Outbound;
      } catch {
        this.deps.log.warn("bad console outbox entry dropped");
        continue;
      }
      // Off the prompt's line first, so the message starts a line of its own.
      if (!printed && interrupted) this.out.write("\n");
      printed = true;
      this.print([message]);
    }
    if (printed && interrupted && this.interactive) this.prompt();
  }
}
