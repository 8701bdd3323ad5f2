import { z } from "zod";

/**
 * Small zod pieces shared by the node kinds' schemas, so that every kind spells a message, an
 * id or a condition the same way (and the emitted JSON Schema says so once).
 */

/** Node, flow and choice ids: short, URL-safe, so that choice tokens fit Telegram's 64-byte callback data. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,23}$/, "an id of lower-case letters, digits, - and _, at most 24 characters, like stay-rules");

/** A Fluent message id, or `{ id, args }`; an arg value `$name` reads the session var `name`. */
export const MessageRefSchema = z.union([
  z.string().regex(/^[a-z][a-z0-9-]*$/, "a Fluent message id like main-menu-title"),
  z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "a Fluent message id like main-menu-title"),
    args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
]);

/** A value a flow can store or compare. */
export const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export type Condition =
  | { var: string; eq?: z.infer<typeof Value>; ne?: z.infer<typeof Value>; in?: z.infer<typeof Value>[]; gt?: number; gte?: number; lt?: number; lte?: number; set?: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Conditions over collected answers: `{ var: fee, eq: yes }`, `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }`. */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      var: z.string(),
      eq: Value.optional(),
      ne: Value.optional(),
      in: z.array(Value).optional(),
      gt: z.number().optional(),
      gte: z.number().optional(),
      lt: z.number().optional(),
      lte: z.number().optional(),
      set: z.boolean().optional(),
    }),
    z.strictObject({ all: z.array(ConditionSchema) }),
    z.strictObject({ any: z.array(ConditionSchema) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

/** Evaluate a condition against the session's vars. */
export function test(condition: Condition, vars: Record<string, z.infer<typeof Value> | undefined>): boolean {
  if ("all" in condition) return condition.all.every((c) => test(c, vars));
  if ("any" in condition) return condition.any.some((c) => test(c, vars));
  if ("not" in condition) return !test(condition.not, vars);
  const value = vars[condition.var];
  if (condition.set !== undefined && (value !== undefined && value !== null) !== condition.set) return false;
  if (condition.eq !== undefined && value !== condition.eq) return false;
  if (condition.ne !== undefined && value === condition.ne) return false;
  if (condition.in !== undefined && !condition.in.includes(value ?? null)) return false;
  const n = typeof value === "number" ? value : Number.NaN;
  if (condition.gt !== undefined && !(n > condition.gt)) return false;
  if (condition.gte !== undefined && !(n >= condition.gte)) return false;
  if (condition.lt !== undefined && !(n < condition.lt)) return false;
  if (condition.lte !== undefined && !(n <= condition.lte)) return false;
  return true;
}
