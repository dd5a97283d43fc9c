import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SlackHarness } from "./support/harness.js";
import { json } from "./support/signing.js";

const mention = { type: "app_mention", user: "U1", text: "<@UBOT> Welke schaal?", ts: "100.1", channel: "C1", event_ts: "100.1" };

describe("Slack door rejects unsigned requests and ignores non-questions", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await new SlackHarness().start();
  });
  afterEach(async () => {
    await h.close();
  });

  it("401s a wrong signature, a stale timestamp and missing headers, without asking anything", async () => {
    const body = json(h.envelope(mention));
    const wrongSecret = await h.post({ ...body, secret: "not-the-secret" });
    const stale = await h.post({ ...body, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const noSignature = await h.post({ ...body, headers: { "x-slack-signature": undefined } });
    const noTimestamp = await h.post({ ...body, headers: { "x-slack-request-timestamp": undefined } });
    const tampered = await h.post({ ...body, headers: { "x-slack-signature": `v0=${"0".repeat(64)}` } });
    expect([wrongSecret.status, stale.status, noSignature.status, noTimestamp.status, tampered.status]).toEqual([401, 401, 401, 401, 401]);
    // Give a wrongly accepted request the chance to reach the assistant.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.assistant.calls).toHaveLength(0);
    expect(h.slack.calls).toHaveLength(0);
  });

  it("ignores bot messages, its own messages, edits, deletions and other subtypes", async () => {
    const dm = { channel: "D1", channel_type: "im", ts: "200.1", event_ts: "200.1" };
    const ignored = [
      { type: "message", ...dm, user: "U2", bot_id: "B2", text: "ik ben een bot" },
      { type: "message", ...dm, subtype: "bot_message", bot_id: "B2", text: "legacy bot" },
      { type: "message", ...dm, user: "UBOT", text: "mijn eigen antwoord" },
      {
        type: "message",
        ...dm,
        subtype: "message_changed",
        message: { user: "U1", text: "bewerkt", ts: "199.1" },
        previous_message: { user: "U1", text: "oud", ts: "199.1" },
      },
      { type: "message", ...dm, subtype: "message_deleted", previous_message: { user: "U1", text: "weg", ts: "199.1" } },
      { type: "message", ...dm, user: "U1", subtype: "channel_join", text: "joined" },
      { type: "message", ...dm, user: "U1", thread_ts: "150.1", bot_id: "B2", text: "bot in an assistant thread" },
      { type: "app_mention", user: "U2", bot_id: "B2", text: "<@UBOT> van een bot", ts: "100.1", channel: "C1", event_ts: "100.1" },
      { type: "message", channel: "C1", channel_type: "channel", user: "U1", text: "kanaalbericht", ts: "101.1", event_ts: "101.1" },
      { type: "reaction_added", user: "U1", reaction: "thumbsup", item: { type: "message", channel: "C1", ts: "100.1" }, event_ts: "100.5" },
    ];
    for (const event of ignored) {
      const res = await h.post(json(h.envelope(event)));
      expect(res.status).toBe(200);
    }
    // A real question last: once it is answered, every ignored event before it has been processed.
    await h.post(json(h.envelope(mention)));
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(h.assistant.calls.map((c) => c.question)).toEqual(["Welke schaal?"]);
    expect(h.slack.called("chat.postMessage")[0]!.body.channel).toBe("C1");
  });

  it("answers a bare mention with help instead of asking the assistant", async () => {
    await h.post(json(h.envelope({ ...mention, text: "<@UBOT>" })));
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(String(h.slack.called("chat.postMessage")[0]!.body.text)).toContain("Stel je vraag");
    expect(h.assistant.calls).toHaveLength(0);
  });
});

describe("Slack door when the assistant fails", () => {
  it("posts an apology instead of going silent", async () => {
    const h = await new SlackHarness(() => {
      throw new Error("index still loading");
    }).start();
    try {
      await h.post(json(h.envelope(mention)));
      await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
      expect(String(h.slack.called("chat.postMessage")[0]!.body.text)).toContain("Sorry");
    } finally {
      await h.close();
    }
  });
});
