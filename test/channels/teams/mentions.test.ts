import { describe, expect, it } from "vitest";
import { isLoopbackHost, isLoopbackUrl } from "../../../src/channels/teams/loopback.js";
import { isResetCommand } from "../../../src/channels/teams/conversations.js";
import { mentionsBot, needsMention, questionText } from "../../../src/channels/teams/mentions.js";

describe("Teams message text", () => {
  it("strips mentions, knows when the bot is meant, and stays linear on hostile text", () => {
    const activity = {
      text: "<at>Functiewijzer</at>  Welke <at>Jan</at>schaal?",
      recipient: { id: "bot" },
      entities: [{ type: "mention", mentioned: { id: "bot" } }, { notAMention: true }, null],
      conversation: { conversationType: "channel" },
    };
    expect(questionText(activity)).toBe("Welke schaal?");
    expect(mentionsBot(activity)).toBe(true);
    expect(needsMention(activity)).toBe(true);
    expect(mentionsBot({ ...activity, entities: [{ type: "mention", mentioned: { id: "someone" } }] })).toBe(false);
    expect(questionText({ text: "<at unclosed vraag" })).toBe("<at unclosed vraag");
    const hostile = "<at></at>".repeat(30_000) + "<at".repeat(30_000);
    const started = performance.now();
    expect(questionText({ text: hostile })).toBe("<at".repeat(30_000));
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("recognises the reset command only as a whole message", () => {
    for (const text of ["nieuw gesprek", "Nieuw gesprek!", "/reset", "New conversation.", "opnieuw"]) expect(isResetCommand(text), text).toBe(true);
    for (const text of ["reset mijn wachtwoord", "een nieuw gesprek over schalen", ""]) expect(isResetCommand(text), text).toBe(false);
  });

  it("calls only this machine loopback", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "LOCALHOST"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "10.0.0.1", "127.0.0.1.evil.example", "localhost.evil.example", "::", "128.0.0.1", "127.0.0.256"])
      expect(isLoopbackHost(host), host).toBe(false);
    expect(isLoopbackUrl("http://127.0.0.1:3978/")).toBe(true);
    expect(isLoopbackUrl("http://[::1]:3978/")).toBe(true);
    for (const url of ["http://169.254.169.254/", "file:///etc/passwd", "http://user:pw@127.0.0.1/", "gopher://127.0.0.1/", "not a url", undefined])
      expect(isLoopbackUrl(url), String(url)).toBe(false);
  });
});
