import { GraphError } from "./errors.ts";
import type { CloudPayload } from "./render.ts";

export interface GraphClientOptions {
  /** `WHATSAPP_GRAPH_ROOT`, with the version: https://graph.facebook.com/v21.0 */
  root: string;
  token: string;
  phoneNumberId: string;
  /** Longest a request may take (default 15 s). */
  timeoutMs?: number;
}

/**
 * The few Graph API calls the Cloud transport makes, over `fetch` with the bearer token:
 * `POST /{phone-number-id}/messages` and `POST /{phone-number-id}/media`. A non-2xx answer throws
 * `GraphError` with Meta's error code; a network failure throws as it is.
 */
export class GraphClient {
  constructor(private readonly o: GraphClientOptions) {}

  /** Send one message to `to` (a wa_id); resolves with its `wamid`. */
  async send(to: string, payload: CloudPayload): Promise<string> {
    const body = { messaging_product: "whatsapp", recipient_type: "individual", to, ...toWire(payload) };
    const answer = await this.call("messages", { "content-type": "application/json" }, JSON.stringify(body));
    const id = (answer as { messages?: Array<{ id?: unknown }> }).messages?.[0]?.id;
    if (typeof id !== "string") throw new GraphError(200, undefined, "no message id in the answer");
    return id;
  }

  /** Upload a file (consultants' media) and resolve with its media id, to send by id. */
  async upload(bytes: Uint8Array, mimeType: string, filename: string): Promise<string> {
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", mimeType);
    form.set("file", new Blob([bytes], { type: mimeType }), filename);
    const answer = await this.call("media", {}, form);
    const id = (answer as { id?: unknown }).id;
    if (typeof id !== "string") throw new GraphError(200, undefined, "no media id in the answer");
    return id;
  }

  private async call(edge: string, headers: Record<string, string>, body: string | FormData): Promise<unknown> {
    const response = await fetch(`${this.o.root}/${this.o.phoneNumberId}/${edge}`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.o.token}`, ...headers },
      body,
      signal: AbortSignal.timeout(this.o.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const error = (json as { error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } } } | undefined)?.error;
      const code = typeof error?.code === "number" ? error.code : undefined;
      const detail = String(error?.error_data?.details ?? error?.message ?? text.slice(0, 200));
      throw new GraphError(response.status, code, detail);
    }
    return json ?? {};
  }
}

/** Our payload as the Graph API wants it: media under a field named after its type. */
export function toWire(payload: CloudPayload): Record<string, unknown> {
  if ("media" in payload) return { type: payload.type, [payload.type]: payload.media };
  return payload;
}
