import type { Redis } from "ioredis";
import { ConfigError } from "../config/error.ts";
import { redisDatabase } from "../config/schema.ts";

/**
 * Refuse a database number the Redis server does not have (`redis://host:6379/99` on a server
 * with the default 16), instead of letting the client fall back to database 0 without a word.
 * The limit is the server's `databases` setting; a server that refuses `CONFIG GET` (managed
 * Redis, ACL) is asked with `SELECT` instead.
 *
 * @example
 * await checkDatabase(store.client, config.REDIS_URL); // throws ConfigError naming REDIS_URL
 */
export async function checkDatabase(client: Redis, url: string): Promise<void> {
  const db = redisDatabase(url);
  if (db === 0) return;
  let limit: number | undefined;
  try {
    const reply = (await client.config("GET", "databases")) as string[];
    if (reply[1] !== undefined) limit = Number(reply[1]);
  } catch {
    try {
      await client.select(db);
    } catch (error) {
      throw new ConfigError([`REDIS_URL: expected a database number the server has, found ${db} (${(error as Error).message})`]);
    }
    return;
  }
  if (limit !== undefined && db >= limit) {
    throw new ConfigError([
      `REDIS_URL: expected a database number from 0 to ${limit - 1} (the server's "databases" setting is ${limit}), found ${db}`,
    ]);
  }
}
