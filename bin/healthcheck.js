#!/usr/bin/env node
// The container's HEALTHCHECK: exit 0 when Jol's /readyz answers 200 (Redis answers and every
// channel is connected), 1 otherwise. Asks 127.0.0.1 on OPS_PORT (default 9091); needs no curl.
const port = process.env.OPS_PORT || "9091";
try {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(4000) });
  if (!res.ok) process.stderr.write(`not ready: ${await res.text()}`);
  process.exit(res.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`no answer on port ${port}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
