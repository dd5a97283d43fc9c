import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamsDoor } from "../../../src/channels/teams/index.js";
import { loadConfig } from "../../../src/platform/config.js";
import { createHttpApp } from "../../../src/http/app.js";
import { silentLogger } from "../../../src/platform/logger.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { listen, postJson, type Listening } from "../../support/http.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";
import { activity, fakeConnector } from "./fakeConnector.js";

const PUBLIC_URL = "https://functiewijzer.example.org";

describe("Teams door: the interview kit as a file (personal chat) or a link (elsewhere)", () => {
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let server: Listening;
  let oneDrive: Listening;
  const uploads: { headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];
  const assistant = new FakeAssistant(() => ({
    intent: "interview",
    answer: "**Toetsvragen voor Onderhandelen** [1]\n\n1. Kun je een situatie schetsen?",
    citations: [{ source: "profiel.txt", section: "Competenties › Onderhandelen › Toetsvragen", title: "Profiel" }],
  }));

  beforeAll(async () => {
    connector = await fakeConnector();
    // Stands in for the OneDrive upload session Teams opens when the user accepts.
    const drive = express();
    drive.put("/upload/:id", express.raw({ type: () => true, limit: "5mb" }), (req, res) => {
      uploads.push({ headers: req.headers, body: req.body as Buffer });
      res.status(201).json({ id: req.params.id });
    });
    oneDrive = await listen(drive);
    const config = loadConfig({ PUBLIC_URL });
    const door = createTeamsDoor({ assistant, config, logger: silentLogger, feedback: new MemoryFeedback() });
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback(), doors: [door] }));
  });
  afterAll(async () => {
    await server.close();
    await oneDrive.close();
    await connector.close();
  });

  const send = async (body: Record<string, unknown>) => {
    const before = connector.posted.length;
    const response = await postJson(`${server.url}/api/messages`, body);
    return { status: response.status, replies: connector.posted.slice(before) };
  };
  const consent = (kit: string, action: "accept" | "decline") =>
    activity(connector.url, {
      type: "invoke",
      name: "fileConsent/invoke",
      text: undefined,
      value: {
        type: "fileUpload",
        action,
        context: { kit },
        uploadInfo: {
          name: "interviewkit-profiel.docx",
          uploadUrl: `${oneDrive.url}/upload/${kit}`,
          contentUrl: "https://contoso-my.sharepoint.com/personal/u/Documents/interviewkit-profiel.docx",
          uniqueId: "UNIQUE-1",
          fileType: "docx",
        },
      },
    });

  /** Asks an interview question in personal chat, clicks the kit button, and returns the consent card's content. */
  async function offer(): Promise<{ kit: string; content: any; name: string }> {
    const { replies } = await send(activity(connector.url, { text: "Geef toetsvragen voor onderhandelen" }));
    const cards = replies.at(-1)!.body.attachments.map((a: any) => a.content);
    const button = cards.flatMap((c: any) => c.actions ?? []).find((a: any) => a.data?.action === "kit");
    expect(button.data).toEqual({ action: "kit", role: "Profiel", language: "nl" });
    const clicked = await send(activity(connector.url, { text: undefined, value: button.data }));
    const attachment = clicked.replies.at(-1)!.body.attachments[0];
    expect(attachment.contentType).toBe("application/vnd.microsoft.teams.card.file.consent");
    return { kit: attachment.content.acceptContext.kit, content: attachment.content, name: attachment.name };
  }

  it("offers the kit with a file consent card and, on accept, uploads it to the session and posts the file card", async () => {
    const { kit, content, name } = await offer();
    expect(name).toBe("interviewkit-profiel.docx");
    expect(content.sizeInBytes).toBe(FakeAssistant.KIT_BYTES.length);
    expect(content.declineContext).toEqual({ kit });
    const accepted = await send(consent(kit, "accept"));
    expect(accepted.status).toBe(200);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.body.equals(FakeAssistant.KIT_BYTES)).toBe(true);
    expect(uploads[0]!.headers["content-range"]).toBe(`bytes 0-${FakeAssistant.KIT_BYTES.length - 1}/${FakeAssistant.KIT_BYTES.length}`);
    const file = accepted.replies.find((r) => r.body.type === "message")!.body.attachments[0];
    expect(file).toMatchObject({
      contentType: "application/vnd.microsoft.teams.card.file.info",
      name: "interviewkit-profiel.docx",
      content: { uniqueId: "UNIQUE-1", fileType: "docx" },
    });
    // An answered offer is gone: accepting it again uploads nothing.
    expect((await send(consent(kit, "accept"))).status).toBe(200);
    expect(uploads).toHaveLength(1);
  });

  it("uploads nothing when the user declines, and refuses a malformed consent", async () => {
    const { kit } = await offer();
    expect((await send(consent(kit, "decline"))).status).toBe(200);
    expect((await send(consent(kit, "accept"))).status).toBe(200);
    expect(uploads).toHaveLength(1);
    const bad = await send(
      activity(connector.url, { type: "invoke", name: "fileConsent/invoke", text: undefined, value: { type: "fileUpload", action: "accept" } }),
    );
    expect(bad.status).toBe(400);
  });

  it("links to the web download in a channel, where a bot cannot send files, and that link serves the kit", async () => {
    const channel = { id: "19:kit@thread.tacv2;messageid=5", conversationType: "channel" };
    const { replies } = await send(
      activity(connector.url, {
        text: "<at>Functiewijzer</at> Geef toetsvragen voor onderhandelen",
        conversation: channel,
        entities: [{ type: "mention", text: "<at>Functiewijzer</at>", mentioned: { id: "bot-1", name: "Functiewijzer" } }],
      }),
    );
    const actions = replies.at(-1)!.body.attachments.flatMap((a: any) => a.content.actions ?? []);
    const link = actions.find((a: any) => a.type === "Action.OpenUrl");
    expect(link.url).toBe(`${PUBLIC_URL}/api/interview-kit?role=Profiel&language=nl`);
    expect(actions.some((a: any) => a.data?.action === "kit")).toBe(false);
    const download = await fetch(`${server.url}${new URL(link.url).pathname}${new URL(link.url).search}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain('filename="interviewkit-profiel.docx"');
    expect(Buffer.from(await download.arrayBuffer()).equals(FakeAssistant.KIT_BYTES)).toBe(true);
  });
});
