import { request } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deliveryId } from "../../../src/channels/slack/dedupe.js";
import { GUARD } from "../../../src/channels/slack/requestGuard.js";
import { InProcessSeenEvents } from "../../../src/channels/slack/seenEvents.js";
import { SlackHarness } from "./support/harness.js";
import { form, json, slackSignature } from "./support/signing.js";

const mention = { type: "app_mention", user: "U1", text: "<@UBOT> Welke schaal?", ts: "100.1", channel: "C1", event_ts: "100.1" };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams `total` bytes in chunks to the events URL; resolves with the status (if any) and how much was written before the server hung up. */
function streamBody(url: string, total: number, headers: Record<string, string>): Promise<{ status?: number; written: number }> {
  return new Promise((resolve) => {
    let written = 0;
    let status: number | undefined;
    const req = request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      status = res.statusCode;
      res.resume();
      res.on("end", () => resolve({ status, written }));
    });
    req.on("error", () => resolve({ status, written }));
    const chunk = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (written < total) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe("Slack door hardening (issue 14, finding 8)", () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.close();
  });

  it("answers a replayed event (same event_id, validly re-signed) once", async () => {
    h = await new SlackHarness().start();
    const body = json(h.envelope(mention));
    const first = await h.post(body);
    const replay = await h.post({ ...body, timestamp: Math.floor(Date.now() / 1000) + 1 });
    // Slack's own retry of the same event after a slow ack.
    const retry = await h.post({ ...body, headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect([first.status, replay.status, retry.status]).toEqual([200, 200, 200]);
    // A different event afterwards: once it is answered, the repeats have long been processed.
    await h.post(json(h.envelope({ ...mention, text: "<@UBOT> Tweede vraag", ts: "100.5", event_ts: "100.5" })));
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(2));
    await pause(100);
    expect(h.assistant.calls.map((c) => c.question)).toEqual(["Welke schaal?", "Tweede vraag"]);
    expect(h.slack.called("chat.postMessage")).toHaveLength(2);
  });

  it("records a replayed feedback click once", async () => {
    h = await new SlackHarness().start();
    const value = JSON.stringify({ vote: "down", answerId: "0123456789abcdef", question: "Welke schaal?" });
    const payload = {
      type: "block_actions",
      user: { id: "U1" },
      team: { id: "T1" },
      channel: { id: "C1" },
      container: { type: "message", message_ts: "100.2", thread_ts: "100.1", is_ephemeral: false },
      message: { ts: "100.2", thread_ts: "100.1" },
      trigger_id: "t1",
      actions: [{ type: "feedback_buttons", action_id: "fw_feedback", block_id: "fw_feedback", value, action_ts: "111.1" }],
    };
    const body = form({ payload: JSON.stringify(payload) });
    expect((await h.post(body)).status).toBe(200);
    expect((await h.post(body)).status).toBe(200);
    await vi.waitFor(() => expect(h.slack.called("chat.postEphemeral")).toHaveLength(1));
    await pause(150);
    expect(h.feedback.votes).toHaveLength(1);
  });

  it("401s a signed request whose timestamp lies in the future, without asking anything", async () => {
    h = await new SlackHarness().start();
    const body = json(h.envelope(mention));
    const future = await h.post({ ...body, timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    const farFuture = await h.post({ ...body, timestamp: 9_999_999_999 });
    const notANumber = await h.post({ ...body, headers: { "x-slack-request-timestamp": "1e3" } });
    // Within the small clock skew it is still accepted.
    const skewed = await h.post({ ...body, timestamp: Math.floor(Date.now() / 1000) + 20 });
    expect([future.status, farFuture.status, notANumber.status, skewed.status]).toEqual([401, 401, 401, 200]);
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    expect(h.assistant.calls).toHaveLength(1);
  });

  it("refuses an oversized unsigned body with 413 before reading it, and cuts a streamed one at the limit", async () => {
    h = await new SlackHarness().start();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const big = "x".repeat(GUARD.maxBodyBytes + 1);
    const declared = await fetch(h.eventsUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-request-timestamp": timestamp, "x-slack-signature": "v0=00" },
      body: big,
    });
    expect(declared.status).toBe(413);
    // 4 MB sent chunked (no Content-Length): the server answers 413 and hangs up long before the end.
    const streamed = await streamBody(h.eventsUrl, 4 * 1024 * 1024, {
      "content-type": "application/json",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": "v0=00",
    });
    expect(streamed.status).toBe(413);
    expect(streamed.written).toBeLessThan(4 * 1024 * 1024);
    // A signed request just under the limit is still read and verified.
    const padded = JSON.stringify({ ...h.envelope(mention), padding: "p".repeat(GUARD.maxBodyBytes - 2000) });
    expect((await h.post({ body: padded, contentType: "application/json" })).status).toBe(200);
    await vi.waitFor(() => expect(h.assistant.calls).toHaveLength(1));
  });

  it("rate-limits /slack/events per client before checking anything", async () => {
    h = await new SlackHarness(undefined, { env: { SLACK_RATE_LIMIT_PER_MINUTE: "5" } }).start();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await h.post({ ...json({ type: "url_verification", challenge: `c${i}` }) })).status);
    const limited = await h.post(json({ type: "url_verification", challenge: "late" }));
    const unsigned = await fetch(h.eventsUrl, { method: "POST", body: "{}" });
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(unsigned.status).toBe(429);
  });

  it("still verifies the signature over the bytes it read (the guard hands Bolt the raw body)", async () => {
    h = await new SlackHarness().start();
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify(h.envelope(mention));
    const forged = await fetch(h.eventsUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": slackSignature("test-signing-secret", timestamp, `${body} `),
      },
      body,
    });
    expect(forged.status).toBe(401);
  });
});

describe("Seen-events store", () => {
  it("says first-seen once per id within the TTL, again after it expires, and stays bounded", async () => {
    let now = 1_000;
    const seen = new InProcessSeenEvents(3, () => now);
    expect(await seen.firstSeen("a", 100)).toBe(true);
    expect(await seen.firstSeen("a", 100)).toBe(false);
    now += 101;
    expect(await seen.firstSeen("a", 100)).toBe(true);
    for (const id of ["b", "c", "d", "e"]) await seen.firstSeen(id, 100);
    expect(seen.size).toBeLessThanOrEqual(3);
    expect(await seen.firstSeen("e", 100)).toBe(false);
  });

  it("keys deliveries by event_id, by click, and by command trigger", () => {
    expect(deliveryId({ type: "event_callback", event_id: "Ev1", event: {} })).toBe("event:Ev1");
    expect(deliveryId({ type: "block_actions", user: { id: "U1" }, actions: [{ action_id: "fw_feedback", action_ts: "1.2" }] })).toBe(
      "action:U1:fw_feedback:1.2",
    );
    expect(deliveryId({ command: "/functiewijzer", user_id: "U1", trigger_id: "t9" })).toBe("trigger:U1:t9");
    expect(deliveryId({ type: "url_verification" })).toBeUndefined();
    expect(deliveryId("nonsense")).toBeUndefined();
  });
});
