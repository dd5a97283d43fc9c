import { afterEach, describe, expect, it, vi } from "vitest";
import type { AskOptions } from "../../../src/domain/assistant.js";
import { SlackHarness } from "./support/harness.js";
import { form, json } from "./support/signing.js";

type Blocks = { type: string; text?: unknown; elements?: { type: string; action_id?: string }[] }[];

/** An LLM-like answer: the text arrives in pieces through onToken before ask() returns. */
const streamed =
  (pieces: string[], final = pieces.join("")) =>
  (question: string, options?: AskOptions) => {
    for (const piece of pieces) options?.onToken?.(piece);
    return { answer: final, mode: "llm" as const, question };
  };

const mention = (text: string) => ({ type: "app_mention", user: "U1", team: "T1", text: `<@UBOT> ${text}`, ts: "100.1", channel: "C1", event_ts: "100.1" });

describe("Slack door streams generated answers", () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const allCalls = (h: SlackHarness) => JSON.stringify(h.slack.calls.map((c) => c.body));
  const streamedText = (h: SlackHarness) =>
    [...h.slack.called("chat.startStream"), ...h.slack.called("chat.appendStream"), ...h.slack.called("chat.stopStream")]
      .flatMap((c) => (c.body.chunks as { text: string }[] | undefined) ?? [])
      .map((c) => c.text)
      .join("");
  /** Every message the user is left with that shows the answer (posted, or a stream that was not deleted, or updated). */
  const answersShown = (h: SlackHarness, needle: string) => {
    const deleted = new Set(h.slack.called("chat.delete").map((c) => c.body.ts));
    const posted = h.slack.called("chat.postMessage").filter((c) => JSON.stringify(c.body).includes(needle));
    // A stream Slack accepted stays as one message (updated or not) unless it was deleted.
    const streamStarted = h.slack.called("chat.startStream").length > 0 && !h.slack.failing.has("chat.startStream");
    return posted.length + (streamStarted && !deleted.has("2.1") && streamedText(h).includes(needle) ? 1 : 0);
  };
  const LONG = `Een **beleidsadviseur** valt in schaal 11 [1].\n\n| Functie | Schaal |\n| --- | --- |\n| Beleidsadviseur | 11 |\n\n${"Toelichting bij de schaal. ".repeat(60)}<!channel>`;

  it("streams only the verified answer: the model's draft never reaches Slack, the stream ends with sources, follow-ups and feedback", async () => {
    const draft = ["Een beleidsadviseur valt in schaal 14, ", "tot 6.500 euro per maand."];
    h = await new SlackHarness(streamed(draft, LONG)).start();
    await h.post(json(h.envelope(mention("Welke schaal heeft een beleidsadviseur?"))));
    await vi.waitFor(() => expect(h!.slack.called("reactions.remove")).toHaveLength(1));
    expect(allCalls(h)).not.toMatch(/schaal 14|6\.500/);
    // No token hook is handed to the assistant at all.
    expect(h.assistant.calls[0]!.options).not.toHaveProperty("onToken");

    const start = h.slack.called("chat.startStream")[0]!.body;
    // Outside a DM Slack needs the recipient of the stream.
    expect(start).toMatchObject({ channel: "C1", thread_ts: "100.1", recipient_user_id: "U1", recipient_team_id: "T1" });
    // The verified text, in order, with Slack's control syntax broken up, over start and append calls.
    expect(streamedText(h).replace(/[\s\u200b]+/g, "")).toContain(LONG.replace("<!channel>", "").replace(/\s+/g, ""));
    expect(streamedText(h)).not.toContain("<!channel>");
    expect(h.slack.called("chat.appendStream").length).toBeGreaterThan(0);
    const stop = h.slack.called("chat.stopStream")[0]!.body;
    expect(stop.ts).toBe("2.1");
    const tail = stop.blocks as Blocks;
    expect(tail.map((b) => b.type)).toEqual(["context", "section", "actions", "context_actions"]);
    expect(JSON.stringify(tail)).toContain("profiel.txt › Competenties › Onderhandelen");
    expect(tail.at(-1)!.elements![0]).toMatchObject({ type: "feedback_buttons", action_id: "fw_feedback" });
    expect(h.slack.called("chat.postMessage")).toHaveLength(0);
    expect(h.slack.called("chat.update")).toHaveLength(0);
    const methods = h.slack.calls.map((c) => c.method);
    expect(methods.indexOf("reactions.add")).toBeLessThan(methods.indexOf("chat.startStream"));
    expect(methods.lastIndexOf("chat.stopStream")).toBeLessThan(methods.indexOf("reactions.remove"));
  });

  it("stream start refused: the answer is posted whole, once", async () => {
    h = await new SlackHarness(streamed([], LONG)).start();
    h.slack.failing.add("chat.startStream");
    await h.post(json(h.envelope(mention("Welke schaal?"))));
    await vi.waitFor(() => expect(h!.slack.called("reactions.remove")).toHaveLength(1));
    expect(h.slack.called("chat.postMessage")).toHaveLength(1);
    expect(answersShown(h, "beleidsadviseur")).toBe(1);
    expect((h.slack.called("chat.postMessage")[0]!.body.blocks as Blocks).at(-1)!.type).toBe("context_actions");
  });

  for (const step of ["chat.appendStream", "chat.stopStream"]) {
    it(`${step} refused: the streamed message is replaced by the whole answer with fresh block ids, nothing posted twice`, async () => {
      h = await new SlackHarness(streamed([], LONG)).start();
      h.slack.failing.add(step);
      await h.post(json(h.envelope(mention("Welke schaal?"))));
      await vi.waitFor(() => expect(h!.slack.called("reactions.remove")).toHaveLength(1));
      const update = h.slack.called("chat.update")[0]!.body;
      expect(update).toMatchObject({ channel: "C1", ts: "2.1" });
      const blocks = update.blocks as (Blocks[number] & { block_id?: string })[];
      expect(String((blocks[0] as { text: string }).text).replaceAll("\u200b", "")).toBe(LONG);
      expect(blocks.at(-1)!.type).toBe("context_actions");
      // Fresh ids: none of the original ids (fw_followups, fw_feedback) is reused as is, all unique.
      const ids = blocks.map((b) => b.block_id);
      expect(ids.every((id) => typeof id === "string" && id !== "fw_followups" && id !== "fw_feedback")).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(h.slack.called("chat.postMessage")).toHaveLength(0);
    });
  }

  it("stop refused and the update rate-limited: the partial message is deleted and the answer posted, once", async () => {
    h = await new SlackHarness(streamed([], LONG)).start();
    h.slack.failing.add("chat.stopStream");
    h.slack.script.set("chat.update", [{ error: "ratelimited", status: 429, headers: { "Retry-After": "1" } }]);
    await h.post(json(h.envelope(mention("Welke schaal?"))));
    await vi.waitFor(() => expect(h!.slack.called("reactions.remove")).toHaveLength(1), { timeout: 10_000 });
    expect(h.slack.called("chat.delete")[0]!.body).toMatchObject({ channel: "C1", ts: "2.1" });
    expect(h.slack.called("chat.postMessage")).toHaveLength(1);
    expect(answersShown(h, "beleidsadviseur")).toBe(1);
  });

  it("a 429 with Retry-After on chat.postMessage is waited out and retried by the client: one answer", async () => {
    h = await new SlackHarness(undefined, { retries: 1 }).start();
    h.slack.script.set("chat.postMessage", [{ error: "ratelimited", status: 429, headers: { "Retry-After": "1" } }]);
    const started = Date.now();
    await h.post(json(h.envelope(mention("Welke schaal?"))));
    await vi.waitFor(() => expect(h!.slack.called("reactions.remove")).toHaveLength(1), { timeout: 10_000 });
    expect(h.slack.called("chat.postMessage")).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect((h.slack.called("chat.postMessage")[1]!.body.blocks as Blocks).at(-1)!.type).toBe("context_actions");
  });

  it("invalid_blocks for context_actions: posted again with the sources and 👍/👎 as ordinary buttons", async () => {
    h = await new SlackHarness().start();
    h.slack.refusedBlocks.add("context_actions");
    await h.post(json(h.envelope(mention("Welke schaal?"))));
    await vi.waitFor(() => expect(h!.slack.called("reactions.remove")).toHaveLength(1));
    const [refused, accepted] = h.slack.called("chat.postMessage");
    expect((refused!.body.blocks as Blocks).at(-1)!.type).toBe("context_actions");
    const blocks = accepted!.body.blocks as Blocks;
    expect(blocks.map((b) => b.type)).toEqual(["markdown", "context", "section", "actions", "actions"]);
    expect(blocks.at(-1)!.elements!.map((e) => e.action_id)).toEqual(["fw_feedback_up", "fw_feedback_down"]);
    expect(JSON.stringify(blocks)).toContain("profiel.txt › Competenties › Onderhandelen");
  });

  it("invalid_blocks for every block type: the answer goes as text with its sources as plain lines", async () => {
    h = await new SlackHarness().start();
    for (const type of ["markdown", "context", "section", "actions", "context_actions"]) h.slack.refusedBlocks.add(type);
    await h.post(json(h.envelope(mention("Welke schaal?"))));
    await vi.waitFor(() => expect(h!.slack.called("reactions.remove")).toHaveLength(1));
    const last = h.slack.called("chat.postMessage").at(-1)!.body;
    expect(last.blocks).toBeUndefined();
    expect(String(last.text)).toContain("profiel.txt › Competenties › Onderhandelen");
    expect(String(last.text)).toContain("[1]");
    expect(h.slack.called("chat.postMessage").length).toBeLessThanOrEqual(4);
  });

  it("streams in a DM without naming a recipient team it does not know, and in an assistant thread under the status", async () => {
    h = await new SlackHarness(streamed(["x".repeat(300), " klaar"])).start();
    await h.post(json(h.envelope({ type: "message", channel: "D1", channel_type: "im", user: "U1", text: "Vraag in een DM", ts: "200.1", event_ts: "200.1" })));
    await vi.waitFor(() => expect(h!.slack.called("chat.stopStream")).toHaveLength(1));
    expect(h.slack.called("chat.startStream")[0]!.body).toMatchObject({ channel: "D1", thread_ts: "200.1", recipient_user_id: "U1" });
    expect(h.slack.called("reactions.add")[0]!.body).toMatchObject({ channel: "D1", timestamp: "200.1" });

    await h.post(
      json(
        h.envelope({
          type: "message",
          channel: "D1",
          channel_type: "im",
          user: "U1",
          text: "Vraag in de assistent",
          ts: "300.5",
          thread_ts: "300.1",
          event_ts: "300.5",
        }),
      ),
    );
    await vi.waitFor(() => expect(h!.slack.called("chat.stopStream")).toHaveLength(2));
    const methods = h.slack.calls.map((c) => c.method);
    expect(methods.lastIndexOf("assistant.threads.setStatus")).toBeLessThan(methods.lastIndexOf("chat.startStream"));
    expect(h.slack.called("chat.startStream")[1]!.body).toMatchObject({ channel: "D1", thread_ts: "300.1" });
  });

  it("clears the assistant status and apologises when answering fails", async () => {
    h = await new SlackHarness(() => {
      throw new Error("model down");
    }).start();
    await h.post(
      json(h.envelope({ type: "message", channel: "D1", channel_type: "im", user: "U1", text: "Vraag", ts: "300.5", thread_ts: "300.1", event_ts: "300.5" })),
    );
    await vi.waitFor(() => expect(h!.slack.called("chat.postMessage")).toHaveLength(1));
    expect(String(h.slack.called("chat.postMessage")[0]!.body.text)).toContain("Sorry");
  });
});

describe("Slack door buttons: native feedback and source quotes", () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.close();
  });

  const click = (action: Record<string, unknown>) => ({
    type: "block_actions",
    team: { id: "T1", domain: "test" },
    user: { id: "U1", username: "u1", team_id: "T1" },
    api_app_id: "A1",
    token: "t",
    trigger_id: "trig-1",
    channel: { id: "C1", name: "hr" },
    container: { type: "message", message_ts: "100.2", channel_id: "C1", is_ephemeral: false, thread_ts: "100.1" },
    message: { type: "message", ts: "100.2", thread_ts: "100.1", bot_id: "BBOT", text: "…" },
    response_url: h.slack.responseUrl("click"),
    actions: [{ block_id: "b", action_ts: `${Math.random()}`, ...action }],
  });

  it("records a feedback_buttons vote in the feedback store and thanks privately", async () => {
    h = await new SlackHarness().start();
    const value = JSON.stringify({ vote: "up", answerId: "0123456789abcdef", question: "Welke schaal?" });
    await h.post(form({ payload: JSON.stringify(click({ type: "feedback_buttons", action_id: "fw_feedback", value })) }));
    await vi.waitFor(() => expect(h.slack.called("chat.postEphemeral")).toHaveLength(1));
    expect(h.feedback.votes).toEqual([
      { channel: "slack", conversation: "C1:100.1", question: "Welke schaal?", answerId: "0123456789abcdef", vote: "up", user: "U1" },
    ]);
  });

  it("opens a modal with the document title, section, quote and the whole section for a source button", async () => {
    h = await new SlackHarness().start();
    const value = JSON.stringify({ source: "profiel.txt", section: "Competenties › Onderhandelen", quote: "Belangen <!channel> behartigen", language: "nl" });
    await h.post(form({ payload: JSON.stringify(click({ type: "button", action_id: "fw_source_0", value })) }));
    await vi.waitFor(() => expect(h.slack.called("views.open")).toHaveLength(1));
    const call = h.slack.called("views.open")[0]!.body;
    expect(call.trigger_id).toBe("trig-1");
    const view = call.view as {
      type: string;
      title: { text: string };
      blocks: { type: string; text?: { type: string; text: string }; elements?: { text: string }[] }[];
    };
    expect(view.type).toBe("modal");
    expect(view.title.text).toBe("Bron");
    expect(view.blocks[0]).toMatchObject({ type: "header", text: { text: "Profiel" } });
    expect(view.blocks[1]!.elements![0]!.text).toBe("profiel.txt › ufo › Competenties › Onderhandelen");
    // Document text is plain_text: shown as written, never parsed as Slack markup.
    const quote = view.blocks.find((b) => b.text?.text.includes("Belangen"))!;
    expect(quote.text).toEqual({ type: "plain_text", text: "“Belangen <!channel> behartigen”", emoji: false });
    expect(JSON.stringify(view.blocks)).toContain("Belangen behartigen van de eigen afdeling.");
    expect(h.assistant.calls).toHaveLength(0);
  });

  it("still opens the quote when the index no longer has the section", async () => {
    h = await new SlackHarness().start();
    const value = JSON.stringify({ source: "weg.txt", section: "Oud", quote: "Het citaat", language: "en" });
    await h.post(form({ payload: JSON.stringify(click({ type: "button", action_id: "fw_source_1", value })) }));
    await vi.waitFor(() => expect(h.slack.called("views.open")).toHaveLength(1));
    const view = h.slack.called("views.open")[0]!.body.view as { title: { text: string }; blocks: unknown[] };
    expect(view.title.text).toBe("Source");
    expect(JSON.stringify(view.blocks)).toContain("Het citaat");
    expect(JSON.stringify(view.blocks)).not.toContain("whole section");
  });
});

describe("Slack door expands a shortened list in place", () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.close();
  });

  const rest = Array.from({ length: 12 }, (_, i) => `- Functie ${i + 4}`).join("\n");
  const withList = () => ({
    answer: "Functies in schaal 8 [1]:\n\n- Functie 1\n- Functie 2\n- Functie 3\n…en 12 meer\n\nMeer weten?",
    expansions: [{ label: "…en 12 meer", markdown: rest }],
  });

  const clickOn = (message: { ts: string; text: string; blocks: unknown[] } | undefined, value: string, ephemeral = false) => ({
    type: "block_actions",
    team: { id: "T1" },
    user: { id: "U1" },
    trigger_id: "t",
    channel: { id: "C1" },
    container: { type: "message", message_ts: "100.2", thread_ts: "100.1", is_ephemeral: ephemeral },
    ...(message ? { message: { ...message, thread_ts: "100.1" } } : {}),
    response_url: h.slack.responseUrl("expand"),
    actions: [{ type: "button", block_id: "fw_expansions", action_id: "fw_expand_0", value, action_ts: `${Math.random()}` }],
  });

  it("shows a button with the list's label, and on a click replaces the label line with the rest of the list", async () => {
    h = await new SlackHarness(withList).start();
    await h.post(json(h.envelope(mention("Welke functies zitten in schaal 8?"))));
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    const posted = h.slack.called("chat.postMessage")[0]!.body as {
      text: string;
      blocks: { type: string; block_id?: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
    };
    const buttons = posted.blocks.find((b) => b.block_id === "fw_expansions")!.elements!;
    expect(buttons.map((b) => [b.action_id, b.text.text])).toEqual([["fw_expand_0", "…en 12 meer"]]);

    await h.post(form({ payload: JSON.stringify(clickOn({ ts: "100.2", text: posted.text, blocks: posted.blocks }, buttons[0]!.value)) }));
    await vi.waitFor(() => expect(h.slack.called("chat.update")).toHaveLength(1));
    const update = h.slack.called("chat.update")[0]!.body as { channel: string; ts: string; blocks: { type: string; text?: string; block_id?: string }[] };
    expect(update).toMatchObject({ channel: "C1", ts: "100.2" });
    const markdown = update.blocks.find((b) => b.type === "markdown")!.text!;
    expect(markdown).toBe(`Functies in schaal 8 [1]:\n\n- Functie 1\n- Functie 2\n- Functie 3\n${rest}\n\nMeer weten?`);
    // The used button is gone; everything else (sources, feedback) stays.
    expect(update.blocks.some((b) => b.block_id === "fw_expansions")).toBe(false);
    expect(update.blocks.at(-1)!.type).toBe("context_actions");
  });

  it("posts the rest in the thread when the label is not in the clicked message (a streamed answer)", async () => {
    h = await new SlackHarness().start();
    const value = JSON.stringify({ label: "…en 12 meer", markdown: rest });
    await h.post(form({ payload: JSON.stringify(clickOn({ ts: "100.2", text: "x", blocks: [{ type: "rich_text", elements: [] }] }, value)) }));
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(h.slack.called("chat.postMessage")[0]!.body).toMatchObject({ channel: "C1", thread_ts: "100.1", blocks: [{ type: "markdown", text: rest }] });
    expect(h.slack.called("chat.update")).toHaveLength(0);
  });
});

describe("Slack door streams a follow-up button's answer", () => {
  it("streams into the clicked thread for the clicking user and ends with the tail only", async () => {
    const h = await new SlackHarness(streamed(["y".repeat(300), " einde"])).start();
    try {
      const payload = {
        type: "block_actions",
        team: { id: "T1" },
        user: { id: "U5" },
        trigger_id: "t",
        channel: { id: "C1" },
        container: { type: "message", message_ts: "100.2", thread_ts: "100.1", is_ephemeral: false },
        message: { ts: "100.2", thread_ts: "100.1" },
        actions: [{ type: "button", action_id: "fw_followup_0", value: "Welke schaal past hierbij?", action_ts: "1.9" }],
      };
      await h.post(form({ payload: JSON.stringify(payload) }));
      await vi.waitFor(() => expect(h.slack.called("chat.stopStream")).toHaveLength(1));
      expect(h.slack.called("chat.startStream")[0]!.body).toMatchObject({
        channel: "C1",
        thread_ts: "100.1",
        recipient_user_id: "U5",
        recipient_team_id: "T1",
      });
      const tail = h.slack.called("chat.stopStream")[0]!.body.blocks as Blocks;
      expect(tail[0]!.type).toBe("context");
      expect(JSON.stringify(tail)).not.toContain("❓");
      expect(tail.at(-1)!.type).toBe("context_actions");
    } finally {
      await h.close();
    }
  });
});
