import type { App } from "../app/app.ts";
import type { Channel } from "../channels/channel.ts";
import { Readiness } from "./readiness.ts";
import { probeApp } from "./probes.ts";
import { startOpsServer, type OpsServer } from "./server.ts";

/** Readiness, probes and the operations server of one `jol start`. */
export interface Ops {
  readonly readiness: Readiness;
  /** The operations server's port once listening (undefined with OPS_PORT=0). */
  readonly port: number | undefined;
  /** Listen on OPS_HOST:OPS_PORT (nothing with OPS_PORT=0). Call before starting the channels, so `/readyz` answers 503 while they connect. */
  listen(options?: { port?: number }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Everything operations needs for a running app: readiness (Redis and `channels()`), the probes of
 * open cases, outboxes and connections, and the HTTP endpoints.
 *
 * @example
 * const ops = createOps(app, () => channels);
 * await ops.listen();
 * for (const c of channels) await c.start();
 * ops.readiness.markStarted();
 */
export function createOps(app: App, channels: () => readonly Channel[]): Ops {
  const readiness = new Readiness({ store: app.store, redis: Boolean(app.config.REDIS_URL), channels, log: app.log });
  const stopProbes = probeApp(app, channels);
  let server: OpsServer | undefined;
  readiness.start();
  return {
    readiness,
    get port() {
      return server?.port;
    },
    async listen(options = {}) {
      const port = options.port ?? app.config.OPS_PORT;
      if (port === 0 && options.port === undefined) return;
      server = await startOpsServer({ host: app.config.OPS_HOST, port, readiness, log: app.log });
    },
    async close() {
      readiness.stop();
      stopProbes();
      await server?.close();
      server = undefined;
    },
  };
}
