import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SlackHarness } from "./support/harness.js";
import { form, json } from "./support/signing.js";

type Blocks = { type: string; text?: { text: string }; elements?: { type: string; text?: string; action_id?: string; value?: string }[] }[];

const blockText = (blocks: unknown): string => JSON.stringify(blocks);
const actionIds = (blocks: Blocks): string[] => blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []).map((e) => e.action_id ?? "") : []));

describe("Slack door over HTTP (Events API, commands, interactivity)", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await new SlackHarness().start();
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers Slack's url_verification challenge", async () => {
    const res = await h.post(json({ token: "t", challenge: "abc123", type: "url_verification" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "abc123" });
    expect(h.assistant.calls).toHaveLength(0);
  });

  it("answers an app_mention in a thread, mention stripped, with answer, sources and buttons in Block Kit", async () => {
    const res = await h.post(
      json(h.envelope({ type: "app_mention", user: "U1", text: "<@UBOT> Geef toetsvragen voor onderhandelen", ts: "100.1", channel: "C1", event_ts: "100.1" })),
    );
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(h.slack.called("reactions.remove")).toHaveLength(1));

    expect(h.assistant.calls).toEqual([
      {
        question: "Geef toetsvragen voor onderhandelen",
        options: { conversation: "slack:C1:100.1", channel: "slack", audience: expect.objectContaining({ door: "slack", channel: "C1", personal: false }) },
      },
    ]);
    const post = h.slack.called("chat.postMessage")[0]!;
    expect(post.authorization).toBe("Bearer xoxb-test");
    expect(post.body).toMatchObject({ channel: "C1", thread_ts: "100.1" });
    const blocks = post.body.blocks as Blocks;
    expect(blocks[0]).toEqual({ type: "markdown", text: "**Antwoord** op: Geef toetsvragen voor onderhandelen" });
    expect(blockText(blocks)).toContain("📄 profiel.txt › Competenties › Onderhandelen");
    expect(actionIds(blocks)).toEqual(["fw_followup_0", "fw_followup_1"]);
    expect(blocks.at(-1)).toMatchObject({ type: "context_actions", elements: [{ type: "feedback_buttons", action_id: "fw_feedback" }] });
    // The ⏳ reaction on the question while it was answered, removed once the answer was posted.
    // The ⏳ comes off after the answer is posted: wait for it rather than race it.
    await vi.waitFor(() => expect(h.slack.called("reactions.remove")).toHaveLength(1));
    const methods = h.slack.calls.map((c) => c.method);
    expect(h.slack.called("reactions.add")[0]!.body).toMatchObject({ channel: "C1", timestamp: "100.1", name: "hourglass_flowing_sand" });
    expect(h.slack.called("reactions.remove")[0]!.body).toMatchObject({ channel: "C1", timestamp: "100.1", name: "hourglass_flowing_sand" });
    expect(methods.indexOf("reactions.add")).toBeLessThan(methods.indexOf("chat.postMessage"));
    expect(methods.indexOf("chat.postMessage")).toBeLessThan(methods.indexOf("reactions.remove"));
    expect(String(post.body.text)).toContain("Antwoord op: Geef toetsvragen");
    expect(h.slack.called("auth.test")).toHaveLength(1);
  });

  it("keeps a mention inside an existing thread in that thread and conversation", async () => {
    await h.post(
      json(h.envelope({ type: "app_mention", user: "U1", text: "<@UBOT> En schaal 7?", ts: "100.9", thread_ts: "100.1", channel: "C1", event_ts: "100.9" })),
    );
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(h.assistant.calls[0]!.options?.conversation).toBe("slack:C1:100.1");
    expect(h.slack.called("chat.postMessage")[0]!.body.thread_ts).toBe("100.1");
  });

  it("answers a direct message (message.im)", async () => {
    await h.post(
      json(
        h.envelope({
          type: "message",
          channel: "D1",
          channel_type: "im",
          user: "U1",
          text: "Welke schaal past bij een servicedesk medewerker?",
          ts: "200.1",
          event_ts: "200.1",
        }),
      ),
    );
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(h.assistant.calls).toEqual([
      {
        question: "Welke schaal past bij een servicedesk medewerker?",
        options: { conversation: "slack:D1:200.1", channel: "slack", audience: expect.objectContaining({ door: "slack", channel: "D1", personal: true }) },
      },
    ]);
    expect(h.slack.called("chat.postMessage")[0]!.body).toMatchObject({ channel: "D1", thread_ts: "200.1" });
  });

  it("greets a new assistant thread and sets three suggested prompts", async () => {
    const thread = { user_id: "U1", context: { channel_id: "C9", team_id: "T1", enterprise_id: null }, channel_id: "D1", thread_ts: "300.1" };
    await h.post(json(h.envelope({ type: "assistant_thread_started", assistant_thread: thread, event_ts: "300.2" })));
    await vi.waitFor(() => expect(h.slack.called("assistant.threads.setSuggestedPrompts")).toHaveLength(1));
    const greeting = h.slack.called("chat.postMessage")[0]!;
    expect(greeting.body).toMatchObject({ channel: "D1", thread_ts: "300.1" });
    expect(String(greeting.body.text)).toContain("Functiewijzer");
    const prompts = h.slack.called("assistant.threads.setSuggestedPrompts")[0]!.body;
    expect(prompts).toMatchObject({ channel_id: "D1", thread_ts: "300.1" });
    expect(prompts.prompts).toHaveLength(3);
    expect(blockText(prompts.prompts)).toContain("Welke schaal past bij het profiel?"); // from the documents (Assistant.examples)
    expect(h.assistant.calls).toHaveLength(0);
  });

  it("answers a message in an assistant thread: title, status, then the answer in the thread", async () => {
    await h.post(
      json(
        h.envelope({
          type: "message",
          channel: "D1",
          channel_type: "im",
          user: "U1",
          text: "Geef toetsvragen voor onderhandelen",
          ts: "300.5",
          thread_ts: "300.1",
          event_ts: "300.5",
        }),
      ),
    );
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(h.slack.called("assistant.threads.setTitle")[0]!.body).toMatchObject({
      channel_id: "D1",
      thread_ts: "300.1",
      title: "Geef toetsvragen voor onderhandelen",
    });
    const status = h.slack.called("assistant.threads.setStatus")[0]!.body;
    expect(status).toMatchObject({ channel_id: "D1", thread_ts: "300.1", status: "zoekt in de functiebeschrijvingen…" });
    // Rotating loading messages (the WebClient sends the array JSON-encoded).
    expect(status.loading_messages).toHaveLength(4);
    expect(String((status.loading_messages as string[])[0])).toContain("Zoekt in de functiebeschrijvingen");
    expect(h.slack.called("reactions.add")).toHaveLength(0);
    const methods = h.slack.calls.map((c) => c.method);
    expect(methods.indexOf("assistant.threads.setStatus")).toBeLessThan(methods.indexOf("chat.postMessage"));
    // Handled once, by the Assistant, not again by the DM listener.
    expect(h.assistant.calls).toEqual([
      {
        question: "Geef toetsvragen voor onderhandelen",
        options: { conversation: "slack:D1:300.1", channel: "slack", audience: expect.objectContaining({ door: "slack", channel: "D1", personal: true }) },
      },
    ]);
    const post = h.slack.called("chat.postMessage")[0]!;
    expect(post.body).toMatchObject({ channel: "D1", thread_ts: "300.1" });
    expect(blockText(post.body.blocks)).toContain("📄 profiel.txt › Competenties › Onderhandelen");
  });

  it("acks /functiewijzer at once and delivers the answer to response_url", async () => {
    const res = await h.post(
      form({
        token: "t",
        team_id: "T1",
        channel_id: "C1",
        user_id: "U1",
        command: "/functiewijzer",
        text: "Geef toetsvragen voor onderhandelen",
        response_url: h.slack.responseUrl("cmd1"),
        trigger_id: "1.2.3",
        api_app_id: "A1",
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining("Zoekt") });
    await vi.waitFor(() => expect(h.slack.called("response_url/respond/cmd1")).toHaveLength(1));
    const response = h.slack.called("response_url/respond/cmd1")[0]!.body;
    expect(response).toMatchObject({ response_type: "ephemeral" });
    expect(blockText(response.blocks)).toContain("**Antwoord**");
    expect(blockText(response.blocks)).toContain("📄 profiel.txt › Competenties › Onderhandelen");
    expect(h.assistant.calls).toEqual([
      {
        question: "Geef toetsvragen voor onderhandelen",
        options: {
          conversation: "slack:C1:U1",
          channel: "slack",
          audience: expect.objectContaining({ door: "slack", channel: "C1", user: "U1", personal: true }),
        },
      },
    ]);
  });

  const command = (id: string) =>
    form({ team_id: "T1", channel_id: "C1", user_id: "U1", command: "/functiewijzer", text: "Welke schaal?", response_url: h.slack.responseUrl(id) });

  it("sends a slash command's answer with chat.postEphemeral when the response_url post is refused, once", async () => {
    h.slack.failing.add("response_url");
    await h.post(command("expired"));
    await vi.waitFor(() => expect(h.slack.called("chat.postEphemeral")).toHaveLength(1));
    const ephemeral = h.slack.called("chat.postEphemeral")[0]!.body;
    expect(ephemeral).toMatchObject({ channel: "C1", user: "U1" });
    expect((ephemeral.blocks as Blocks).at(-1)).toMatchObject({ type: "context_actions" });
    expect(h.slack.called("response_url/respond/expired")).toHaveLength(1);
  });

  it("falls back to plain text through response_url, sources as lines, when blocks and chat.postEphemeral are both refused", async () => {
    h.slack.refusedBlocks.add("context_actions");
    h.slack.failing.add("chat.postEphemeral");
    await h.post(command("plain"));
    await vi.waitFor(() => expect(h.slack.called("response_url/respond/plain")).toHaveLength(2));
    const [refused, plain] = h.slack.called("response_url/respond/plain");
    expect(refused!.body.blocks).toBeDefined();
    expect(plain!.body.blocks).toBeUndefined();
    expect(String(plain!.body.text)).toContain("profiel.txt › Competenties › Onderhandelen");
    // postEphemeral got the refused type once, then (without it) the refusal that ends the chain.
    expect(h.slack.called("chat.postEphemeral").map((c) => (c.body.blocks as Blocks).some((b) => b.type === "context_actions"))).toEqual([true, false]);
  });

  it("answers an empty /functiewijzer with help and no question", async () => {
    const res = await h.post(
      form({ team_id: "T1", channel_id: "C1", user_id: "U1", command: "/functiewijzer", text: " ", response_url: h.slack.responseUrl("cmd2") }),
    );
    expect(await res.json()).toMatchObject({ text: expect.stringContaining("Stel je vraag") });
    expect(h.assistant.calls).toHaveLength(0);
  });

  const clickPayload = (action: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: "block_actions",
    team: { id: "T1", domain: "test" },
    user: { id: "U1", username: "u1", team_id: "T1" },
    api_app_id: "A1",
    token: "t",
    trigger_id: "1.2.3",
    channel: { id: "C1", name: "hr" },
    container: { type: "message", message_ts: "100.2", channel_id: "C1", is_ephemeral: false, thread_ts: "100.1" },
    message: { type: "message", ts: "100.2", thread_ts: "100.1", bot_id: "BBOT", text: "…" },
    response_url: h.slack.responseUrl("click"),
    actions: [{ type: "button", block_id: "b", action_ts: "100.3", ...action }],
    ...extra,
  });

  it("asks a follow-up button's question in the same thread", async () => {
    const res = await h.post(form({ payload: JSON.stringify(clickPayload({ action_id: "fw_followup_1", value: "Welke schaal past bij deze functie?" })) }));
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(h.assistant.calls).toEqual([
      {
        question: "Welke schaal past bij deze functie?",
        options: { conversation: "slack:C1:100.1", channel: "slack", audience: expect.objectContaining({ door: "slack", channel: "C1", personal: false }) },
      },
    ]);
    const post = h.slack.called("chat.postMessage")[0]!;
    expect(post.body).toMatchObject({ channel: "C1", thread_ts: "100.1" });
    expect(blockText(post.body.blocks)).toContain("❓ Welke schaal past bij deze functie?");
  });

  it("answers a follow-up under an ephemeral (slash command) answer through response_url", async () => {
    const payload = clickPayload(
      { action_id: "fw_followup_0", value: "Welke toetsvragen horen bij onderhandelen?" },
      { container: { type: "message", message_ts: "100.2", channel_id: "C1", is_ephemeral: true } },
    );
    await h.post(form({ payload: JSON.stringify(payload) }));
    await vi.waitFor(() => expect(h.slack.called("response_url/respond/click")).toHaveLength(1));
    expect(h.slack.called("response_url/respond/click")[0]!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(h.assistant.calls[0]!.options?.conversation).toBe("slack:C1:U1");
    expect(h.slack.called("chat.postMessage")).toHaveLength(0);
  });

  it("records a feedback vote and thanks the user ephemerally", async () => {
    const value = JSON.stringify({ vote: "down", answerId: "0123456789abcdef", question: "Geef toetsvragen voor onderhandelen" });
    await h.post(form({ payload: JSON.stringify(clickPayload({ action_id: "fw_feedback_down", value })) }));
    await vi.waitFor(() => expect(h.slack.called("chat.postEphemeral")).toHaveLength(1));
    expect(h.feedback.votes).toEqual([
      { channel: "slack", conversation: "C1:100.1", question: "Geef toetsvragen voor onderhandelen", answerId: "0123456789abcdef", vote: "down", user: "U1" },
    ]);
    expect(h.slack.called("chat.postEphemeral")[0]!.body).toMatchObject({ channel: "C1", user: "U1", thread_ts: "100.1" });
    expect(h.assistant.calls).toHaveLength(0);
  });

  it("drops a tampered feedback value without recording anything", async () => {
    await h.post(form({ payload: JSON.stringify(clickPayload({ action_id: "fw_feedback_up", value: '{"vote":"sideways","answerId":"x"}' })) }));
    // A real follow-up click afterwards; once it is answered, the bad click has long been processed.
    await h.post(form({ payload: JSON.stringify(clickPayload({ action_id: "fw_followup_0", value: "Volgende vraag?" })) }));
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(h.feedback.votes).toHaveLength(0);
    expect(h.slack.called("chat.postEphemeral")).toHaveLength(0);
  });
});
