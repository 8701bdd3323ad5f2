import type { Router } from "../router/router.ts";
import { errors, handleSeconds } from "./metrics.ts";

/**
 * The router, timed: `jol_handle_seconds` for every message handled (not for duplicates), and
 * `jol_errors_total{kind="handle"}` for every message that failed. Messages in and out are
 * counted inside the router, which knows the user's language.
 */
export function instrumentRouter(router: Router): Router {
  return {
    async handle(inbound, reply) {
      const done = handleSeconds.startTimer({ channel: inbound.address.channel });
      try {
        const result = await router.handle(inbound, reply);
        if (!result.duplicate) done();
        return result;
      } catch (error) {
        errors.inc({ kind: "handle" });
        throw error;
      }
    },
  };
}
