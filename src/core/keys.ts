/**
 * Store keys of the message path. The user (or chat) key inside braces is a Redis Cluster hash
 * tag, so every key of one user lives in one slot and one script can touch them all. Only
 * `PENDING_KEY` is global (another slot): it is written outside the user's scripts.
 */

/** The session. */
export const sessionKey = (user: string) => `s:{${user}}`;
/** The user's lock: who drains the inbox (a short lease, renewed while working). */
export const lockKey = (user: string) => `lock:{${user}}`;
/** A handled message id (the commit's dedupe mark). */
export const seenKey = (user: string, messageId: string) => `seen:{${user}}:${messageId}`;
/** The inbox: a sorted set of entries (JSON), scored by the platform's order (update_id, timestamp). */
export const inboxKey = (user: string) => `in:{${user}}`;
/** The ids in the inbox (a hash), so a redelivered update is written once. */
export const inboxIdsKey = (user: string) => `inid:{${user}}`;
/** The outbox of one chat: a list of entries (JSON) in sending order. */
export const outboxKey = (chat: string) => `out:{${chat}}`;
/** Who sends the chat's outbox (a short lease, renewed while sending). */
export const outboxLeaseKey = (chat: string) => `olock:{${chat}}`;
/** The entry being sent ("sending" mark): found by a new holder, it means a possible repeat. */
export const sendingKey = (chat: string) => `osend:{${chat}}`;
/** Users and chats with something in their inbox or outbox (repaired from a SCAN on start). */
export const PENDING_KEY = "path:pending";
