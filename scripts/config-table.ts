/**
 * Print the README's configuration table from the config schema (the single source of truth):
 *   npx tsx scripts/config-table.ts
 * `test/docs/readme.test.ts` fails when the README's table and the schema disagree.
 */
import { configTable } from "../src/config/table.ts";

process.stdout.write(`${configTable()}\n`);
