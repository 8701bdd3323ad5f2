import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { FixableError } from "../core/errors.ts";
import type { Logger } from "../core/log.ts";
import { RedisStore } from "../store/redis.ts";
import { redisStatsFor } from "../stats/create.ts";
import { createWebApp, type WebDeps } from "./server.ts";

export interface WebServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serve the dashboard on WEB_HOST:WEB_PORT (`jol start`; nothing when WEB_PORT is 0). It needs
 * Redis (the statistics live there): without it, one line says so and nothing listens.
 */
export async function startWebServer(deps: Omit<WebDeps, "stats">, options: { port?: number } = {}): Promise<WebServer | undefined> {
  const port = options.port ?? deps.config.WEB_PORT;
  if (port === 0 && options.port === undefined) return undefined;
  const stats = deps.store instanceof RedisStore ? redisStatsFor(deps.store, deps.config) : null;
  if (!stats) {
    deps.log.warn("the dashboard needs Redis (its statistics live there): set REDIS_URL, or unset WEB_PORT");
    return undefined;
  }
  const app = createWebApp({ ...deps, stats });
  const log: Logger = deps.log;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: deps.config.WEB_HOST }, () => resolve(s));
    s.once("error", (error: NodeJS.ErrnoException) =>
      reject(new FixableError(`The dashboard cannot listen on ${deps.config.WEB_HOST}:${port} (${error.code ?? error.message}): set WEB_PORT to a free port (or 0 to turn it off) and WEB_HOST to an address of this machine.`)),
    );
  });
  const actual = (server.address() as AddressInfo).port;
  log.info("dashboard listening", { url: `http://${deps.config.WEB_HOST}:${actual}/` });
  return {
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold the close up.
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
