/**
 * Store keys of the alerts. Every key of one alert carries `{al:<id>}` as a Redis Cluster hash
 * tag, so one script can commit a recipient's outcome and the alert's counts together (like the
 * outbox's `{telegram:42}`). Only the index and the WhatsApp day counter live elsewhere.
 */

/** The audit record (a hash): who, when, audience, counts. Kept after the alert ends. */
export const alertKey = (id: string) => `al:{al:${id}}`;
/** The state (a string, changed by compare-and-set): queued, sending, paused, cancelled, done. */
export const stateKey = (id: string) => `al:{al:${id}}:s`;
/** The texts by language (JSON), expiring after CASE_RETENTION_DAYS. */
export const textsKey = (id: string) => `al:{al:${id}}:t`;
/** The recipients of one channel, a list of `<lang> <userKey>` in sending order. */
export const recipientsKey = (id: string, channel: string) => `al:{al:${id}}:r:${channel}`;
/** How far the channel's list is done (an index; everything before it has an outcome). */
export const cursorKey = (id: string, channel: string) => `al:{al:${id}}:c:${channel}`;
/** Recipients with an outcome or in flight (a hash userKey → s sending, d sent, f failed, b blocked, u unsubscribed meanwhile). */
export const doneKey = (id: string) => `al:{al:${id}}:d`;
/** How many recipients had one outcome (sent, failed, blocked, skipped), while sending. */
export const countKey = (id: string, outcome: string) => `al:{al:${id}}:n:${outcome}`;
/** The worker sending the alert (a short lease, renewed). */
export const leaseKey = (id: string) => `al:{al:${id}}:l`;
/** Every alert id, scored by creation time. */
export const INDEX_KEY = "al:index";
/** Alerts not finished yet (queued, sending, paused): what the workers look at. */
export const ACTIVE_KEY = "al:active";
/** The next alert id. */
export const SEQ_KEY = "al:seq";
/** Alerts sent to WhatsApp users on one day (the daily cap). */
export const whatsappDayKey = (day: string) => `al:wa:${day}`;
