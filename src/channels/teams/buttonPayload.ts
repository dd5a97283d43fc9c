import { z } from "zod";

/** What the Teams cards' follow-up and feedback buttons send back; validated because it comes from outside. */
export const ButtonPayload = z.discriminatedUnion("action", [
  z.object({ action: z.literal("ask"), question: z.string().trim().min(1).max(2000) }),
  z.object({ action: z.literal("feedback"), vote: z.enum(["up", "down"]), answerId: z.string().regex(/^[0-9a-f]{8,64}$/), question: z.string().max(4000) }),
]);
export type ButtonPayload = z.infer<typeof ButtonPayload>;
