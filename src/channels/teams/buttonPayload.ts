import { z } from "zod";

/**
 * What the Teams cards' buttons send back; validated because it comes from
 * outside. "feedback" comes from cards sent before the native feedback loop.
 */
export const ButtonPayload = z.discriminatedUnion("action", [
  z.object({ action: z.literal("ask"), question: z.string().trim().min(1).max(2000) }),
  z.object({ action: z.literal("kit"), role: z.string().trim().min(1).max(200), language: z.enum(["nl", "en"]) }),
  z.object({ action: z.literal("feedback"), vote: z.enum(["up", "down"]), answerId: z.string().regex(/^[0-9a-f]{8,64}$/), question: z.string().max(4000) }),
]);
export type ButtonPayload = z.infer<typeof ButtonPayload>;

/**
 * The native feedback loop's invoke (`message/submitAction`): 👍/👎 on a
 * message, with the text the user typed in Teams' feedback dialog.
 */
export const FeedbackSubmission = z.object({
  actionName: z.literal("feedback"),
  actionValue: z.object({
    reaction: z.enum(["like", "dislike"]),
    feedback: z.union([z.string().max(10_000), z.record(z.string(), z.unknown())]).optional(),
  }),
});
export type FeedbackSubmission = z.infer<typeof FeedbackSubmission>;

/**
 * The file consent card's invoke (`fileConsent/invoke`): the user accepted
 * (with the OneDrive upload session Teams opened) or declined the kit.
 */
export const FileConsentResponse = z.object({
  type: z.literal("fileUpload"),
  action: z.enum(["accept", "decline"]),
  context: z.object({ kit: z.string().regex(/^[0-9a-f]{32}$/) }),
  uploadInfo: z
    .object({ name: z.string().min(1).max(300), uploadUrl: z.url(), contentUrl: z.url(), uniqueId: z.string().min(1).max(200), fileType: z.string().max(20) })
    .optional(),
});
