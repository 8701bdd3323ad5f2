import { z } from "zod";

/**
 * Plugin-owned parts of the session. The engine stores each plugin's state under
 * `session.slots[name]` as `{ v, d }` (the plugin's schema version and its data) and knows
 * nothing of what is inside: the plugin declares the schema, the version and how to migrate.
 * `readSession` validates every declared slot and drops one that does not parse (the plugin
 * starts from nothing rather than crash); slots no loaded plugin declares are kept as they are.
 *
 * @example
 * export const subsSlot = defineSlot({ name: "broadcast", version: 1, schema: z.object({ subs: z.array(z.string()) }) });
 * subsSlot.set(ctx.session, { subs: ["kz"] });
 */

/** One stored slot: the plugin's schema version and its data. */
export const StoredSlot = z.object({ v: z.number().int().min(0), d: z.unknown() });
export type StoredSlot = z.infer<typeof StoredSlot>;

/** Where slots live in a session (the session schema has this field). */
export interface HasSlots {
  slots?: Record<string, StoredSlot>;
}

/** What `readSession` needs of a slot, whatever its data type. */
export interface SlotDeclaration {
  readonly name: string;
  readonly version: number;
  /**
   * Bring stored data of this slot up to the current version and validate it; undefined drops
   * the slot. `legacy` is the whole stored session, for data kept at its top level before slots existed.
   */
  read(stored: StoredSlot | undefined, legacy: Readonly<Record<string, unknown>>): StoredSlot | undefined;
}

export interface SlotSpec<T> {
  /** The slot's key in the session: the plugin's name. */
  name: string;
  /** The data's schema version; raise it with a `migrate` step when the shape changes. */
  version: number;
  schema: z.ZodType<T>;
  /** Data of an older `version` → the current shape (validated by `schema` afterwards). */
  migrate?(data: unknown, from: number): unknown;
  /** Data this plugin kept at the top level of a session before slots existed, if any. */
  legacy?(session: Readonly<Record<string, unknown>>): T | undefined;
}

/** A declared slot with typed access to a session's copy. */
export interface Slot<T> extends SlotDeclaration {
  get(session: HasSlots): T | undefined;
  set(session: HasSlots, value: T): void;
  clear(session: HasSlots): void;
}

export function defineSlot<T>(spec: SlotSpec<T>): Slot<T> {
  const parse = (data: unknown): T | undefined => {
    const parsed = spec.schema.safeParse(data);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    name: spec.name,
    version: spec.version,
    read(stored, legacy) {
      if (!stored) {
        const old = spec.legacy?.(legacy);
        return old === undefined ? undefined : { v: spec.version, d: old };
      }
      const data = stored.v < spec.version && spec.migrate ? spec.migrate(stored.d, stored.v) : stored.d;
      const value = stored.v > spec.version ? undefined : parse(data);
      return value === undefined ? undefined : { v: spec.version, d: value };
    },
    get: (session) => {
      const stored = session.slots?.[spec.name];
      return stored ? parse(stored.d) : undefined;
    },
    set(session, value) {
      session.slots = { ...session.slots, [spec.name]: { v: spec.version, d: value } };
    },
    clear: (session) => dropSlot(session, spec.name),
  };
}

/**
 * Validate and migrate the declared slots of a parsed session, in place. Returns whether
 * anything changed (a migration to save).
 */
export function readSlots(session: HasSlots, raw: Readonly<Record<string, unknown>>, declared: readonly SlotDeclaration[]): boolean {
  let changed = false;
  for (const slot of declared) {
    const stored = session.slots?.[slot.name];
    const read = slot.read(stored, raw);
    if (read === undefined) {
      changed ||= stored !== undefined;
      dropSlot(session, slot.name);
      continue;
    }
    changed ||= stored === undefined || stored.v !== read.v;
    session.slots = { ...session.slots, [slot.name]: read };
  }
  return changed;
}

function dropSlot(session: HasSlots, name: string): void {
  if (!session.slots?.[name]) return;
  const { [name]: _gone, ...rest } = session.slots;
  if (Object.keys(rest).length) session.slots = rest;
  else delete session.slots;
}
