import { randomBytes } from "node:crypto";
import { Activity, ActivityTypes } from "@microsoft/agents-activity";
import type { TurnContext } from "@microsoft/agents-hosting";
import type { Audience } from "../../domain/audience.js";
import type { Assistant, InterviewKitResult } from "../../domain/assistant.js";
import type { Logger } from "../../platform/logger.js";
import { message } from "../../vocabulary/messages.js";
import { FileConsentResponse } from "./buttonPayload.js";
import { RecentMap } from "./recentMap.js";

type Language = "nl" | "en";
type Kit = Extract<InterviewKitResult, { ok: true }> & { language: Language };

/** Kits offered and not yet accepted or declined; older offers fall out (the user asks again). */
const PENDING_KITS = 50;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Teams' upload session is https; plain http only to a loopback address (the emulator's fake). */
function uploadAllowed(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === "https:" || (parsed.protocol === "http:" && LOOPBACK.test(parsed.hostname));
}

/**
 * The interview kit as a file in Teams' personal chat: the bot offers it with
 * a file consent card; on "accept" Teams opens an upload session in the
 * user's OneDrive, the bot puts the .docx there and posts a file card; on
 * "decline" the offer is dropped. (Bots can send files only in personal chat;
 * elsewhere the answer links to the web download.)
 */
export function kitDelivery(deps: { assistant: Assistant; logger: Logger; publicUrl?: string }) {
  const pending = new RecentMap<string, Kit>(PENDING_KITS);
  const send = (context: TurnContext, activity: Record<string, unknown>) => context.sendActivity(Activity.fromObject(activity));
  const say = (context: TurnContext, text: string) => send(context, { type: "message", text });
  const invokeResponse = (context: TurnContext, status: number, body: unknown = {}) =>
    send(context, { type: ActivityTypes.InvokeResponse, value: { status, body } });

  async function offer(context: TurnContext, request: { role: string; language: Language }, personal: boolean, audience?: Audience): Promise<void> {
    if (!personal) {
      const link = deps.publicUrl ? `${deps.publicUrl}/api/interview-kit?${new URLSearchParams(request)}` : undefined;
      return void (await say(context, link ? `[${message(request.language, "kit.link")}](${link})` : message(request.language, "kit.link")));
    }
    const kit = await deps.assistant.interviewKit?.(request, audience);
    if (!kit) return void (await say(context, message(request.language, "kit.unknownRole", { role: request.role })));
    if (!kit.ok) return void (await say(context, kit.message));
    const id = randomBytes(16).toString("hex");
    pending.set(id, { ...kit, language: request.language });
    await send(context, {
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.card.file.consent",
          name: kit.fileName,
          content: {
            description: message(request.language, "kit.consent", { role: kit.role, size: Math.ceil(kit.docx.length / 1024) }),
            sizeInBytes: kit.docx.length,
            acceptContext: { kit: id },
            declineContext: { kit: id },
          },
        },
      ],
    });
  }

  async function onConsent(context: TurnContext): Promise<void> {
    const parsed = FileConsentResponse.safeParse(context.activity.value);
    if (!parsed.success) return void (await invokeResponse(context, 400, { error: "Not a file consent response." }));
    const { action, context: offered, uploadInfo } = parsed.data;
    const kit = pending.get(offered.kit);
    pending.delete(offered.kit);
    if (action === "decline" || !kit) return void (await invokeResponse(context, 200));
    if (!uploadInfo || !uploadAllowed(uploadInfo.uploadUrl)) return void (await invokeResponse(context, 400, { error: "No usable upload session." }));
    const size = kit.docx.length;
    const put = await fetch(uploadInfo.uploadUrl, {
      method: "PUT",
      headers: { "Content-Length": String(size), "Content-Range": `bytes 0-${size - 1}/${size}` },
      body: new Uint8Array(kit.docx),
      signal: AbortSignal.timeout(30_000),
    }).catch((error: unknown) => ({ ok: false, status: 0, error }));
    if (!put.ok) {
      deps.logger.warn({ status: put.status }, "teams interview kit upload failed");
      await invokeResponse(context, 500, { error: "Upload failed." });
      return;
    }
    await send(context, {
      type: "message",
      text: message(kit.language, "kit.ready", { role: kit.role }),
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.card.file.info",
          contentUrl: uploadInfo.contentUrl,
          name: uploadInfo.name,
          content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType },
        },
      ],
    });
    await invokeResponse(context, 200);
  }

  return { offer, onConsent };
}
