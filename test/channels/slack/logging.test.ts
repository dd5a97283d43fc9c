import { pino } from "pino";
import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { boltLogger } from "../../../src/channels/slack/boltLogger.js";
import { SlackHarness } from "./support/harness.js";
import { json } from "./support/signing.js";

/** A pino logger whose lines land in an array. */
function capture(level = "trace") {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}

const QUESTION = "Mag ik als servicedesk medewerker naar schaal 8, geheim-vraag-42?";

async function askOnce(env: Record<string, string>) {
  const { lines, logger } = capture();
  const h = await new SlackHarness(undefined, { logger, env }).start();
  try {
    await h.post(json(h.envelope({ type: "app_mention", user: "U1", text: `<@UBOT> ${QUESTION}`, ts: "1.1", channel: "C1", event_ts: "1.1" })));
    await vi.waitFor(() => expect(h.slack.called("chat.postMessage")).toHaveLength(1));
    await vi.waitFor(() => expect(lines.some((l) => l.msg === "slack question answered")).toBe(true));
  } finally {
    await h.close();
  }
  return lines;
}

describe("Slack door logging", () => {
  it("logs the answer's shape but never the question, tokens or secrets by default (even at trace)", async () => {
    const lines = await askOnce({});
    const all = JSON.stringify(lines);
    expect(all).not.toContain("geheim-vraag-42");
    expect(all).not.toContain("xoxb-test");
    expect(all).not.toContain("test-signing-secret");
    expect(lines.find((l) => l.msg === "slack question answered")).toMatchObject({ channel: "slack", source: "mention", intent: "general", citations: 1 });
  });

  it("keeps a streamed answer's text out of the logs too, also when Slack refuses a call", async () => {
    const { lines, logger } = capture();
    const secret = "geheim-antwoord-77 ";
    const h = await new SlackHarness(
      (question, options) => {
        for (let i = 0; i < 5; i++) options?.onToken?.(secret.repeat(20));
        return { answer: secret.repeat(100), question, mode: "llm" as const };
      },
      { logger },
    ).start();
    h.slack.failing.add("chat.stopStream");
    try {
      await h.post(json(h.envelope({ type: "app_mention", user: "U1", text: `<@UBOT> ${QUESTION}`, ts: "1.1", channel: "C1", event_ts: "1.1" })));
      await vi.waitFor(() => expect(h.slack.called("chat.update")).toHaveLength(1));
      await vi.waitFor(() => expect(lines.some((l) => l.msg === "slack question answered")).toBe(true));
    } finally {
      await h.close();
    }
    const all = JSON.stringify(lines);
    expect(all).toContain("slack stream failed");
    expect(all).not.toContain("geheim-antwoord-77");
    expect(all).not.toContain("geheim-vraag-42");
  });

  it("logs the question when LOG_MESSAGE_BODIES is on", async () => {
    const lines = await askOnce({ LOG_MESSAGE_BODIES: "true" });
    expect(lines.find((l) => l.msg === "slack question answered")?.question).toBe(QUESTION);
  });

  it("maps Bolt's log levels onto pino (info → debug, debug dropped) and keeps error messages", () => {
    const { lines, logger } = capture("trace");
    const bolt = boltLogger(logger);
    bolt.debug("chatty detail");
    bolt.info("connected", { attempt: 1 });
    bolt.warn("slow");
    bolt.error("failed", new Error("boom"));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [20, 'connected {"attempt":1}'],
      [40, "slow"],
      [50, "failed"],
    ]);
    expect(lines[2]).toMatchObject({ err: "boom", component: "slack-bolt" });
    expect(bolt.getLevel()).toBe("info");
    const verbose = boltLogger(logger, { logBodies: true });
    verbose.debug("http request body: {...}");
    expect(lines.at(-1)).toMatchObject({ level: 10, msg: "http request body: {...}" });
    expect(verbose.getLevel()).toBe("debug");
  });
});
