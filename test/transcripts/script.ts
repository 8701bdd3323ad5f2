/**
 * The transcript format (see transcripts.test.ts for the whole of it): a conversation scripted as
 * YAML, shared by the golden transcripts and their runs on every transport.
 */
import { z } from "zod";
import { LANGS } from "../../src/core/lang.ts";

export const Step = z
  .strictObject({
    say: z.union([z.string(), z.partialRecord(z.enum(LANGS), z.string())]).optional(),
    press: z.union([z.string(), z.number().int()]).optional(),
    choose_language: z.string().optional(),
    command: z.string().optional(),
    arg: z.string().optional(),
    media: z.enum(["sticker", "voice", "audio", "photo", "video", "document", "location", "contact"]).optional(),
    edited: z.string().optional(),
    button: z.string().optional(),
    idle: z.string().regex(/^\d+d$/).optional(),
    session: z.enum(["gone", "kept"]).optional(),
  })
  .refine((s) => [s.say, s.press, s.choose_language, s.command, s.media, s.edited, s.button, s.idle].filter((x) => x !== undefined).length === 1, {
    message: "each step does exactly one thing: say, press, choose_language, command, media, edited, button or idle",
  });
export type Step = z.infer<typeof Step>;
export const Transcript = z.strictObject({
  name: z.string(),
  langs: z.array(z.enum(LANGS)).default(["ru"]),
  hint: z.string().optional(),
  at: z.iso.datetime({ offset: true }).default("2026-12-02T11:00:00+05:00"),
  steps: z.array(Step).min(1),
});
export type Transcript = z.infer<typeof Transcript>;

