import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { collectDefaultMetrics } from "prom-client";
import type { Logger } from "../core/log.ts";
import { FixableError } from "../core/errors.ts";
import { registry } from "../metrics/metrics.ts";
import type { Readiness } from "./readiness.ts";

/** A running operations server. */
export interface OpsServer {
  /** The port it listens on (useful when started on port 0). */
  readonly port: number;
  close(): Promise<void>;
}

export interface OpsServerOptions {
  host: string;
  port: number;
  readiness: Readiness;
  log: Logger;
}

let defaultMetrics = false;

/**
 * The operations endpoints (`OPS_HOST`:`OPS_PORT`, loopback by default):
 *
 * - `GET /healthz` → 200 `{"status":"ok"}` while the process runs (a liveness probe: restart on failure).
 * - `GET /readyz` → 200 `{"ready":true,...}` when Redis answers and every channel is connected,
 *   else 503 with `reasons` (a readiness probe: send no traffic, alert if it lasts).
 * - `GET /metrics` → Prometheus text: Jol's metrics (`metrics.ts`) and Node's process metrics.
 *
 * @example
 * const ops = await startOpsServer({ host: "127.0.0.1", port: 9091, readiness, log });
 * // curl -s 127.0.0.1:9091/readyz
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  if (!defaultMetrics) {
    defaultMetrics = true;
    collectDefaultMetrics({ register: registry });
  }
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(`${JSON.stringify(body)}\n`);
    };
    const answer = async (): Promise<void> => {
      if (path === "/healthz") return json(200, { status: "ok", uptime: Math.round(process.uptime()) });
      if (path === "/readyz") {
        const report = await options.readiness.check();
        return json(report.ready ? 200 : 503, report);
      }
      if (path === "/metrics") {
        const text = await registry.metrics();
        res.writeHead(200, { "content-type": registry.contentType }).end(text);
        return;
      }
      res.writeHead(404, { "content-type": "text/plain" }).end("not found: try /healthz, /readyz or /metrics\n");
    };
    answer().catch((error: unknown) => {
      options.log.error("ops request failed", { path, error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) json(500, { error: "internal error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new FixableError(
          `The operations endpoints cannot listen on ${options.host}:${options.port} (${error.code ?? error.message}): ` +
            "set OPS_PORT to a free port (or 0 to turn them off) and OPS_HOST to an address of this machine.",
        ),
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.log.info("operations endpoints listening", { url: `http://${options.host}:${port}`, paths: "/healthz /readyz /metrics" });
  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
