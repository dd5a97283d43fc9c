import { describe, expect, it } from "vitest";
import { dynamic, reply } from "./fakeOpenAi.js";
import { answererFor, blockWith, systemOf, turn, userOf, withFakeModel } from "./setup.js";

const SCALE_QUESTION = "Welke schaal heeft de servicedesk medewerker ICT?";

const env = withFakeModel();

describe("the prompt", () => {
  it("sends the numbered context, the question and the intent's instructions, with the offline citations first", async () => {
    env.fake.respond(reply("De servicedesk medewerker ICT zit op niveau C1 [1].\nCITATIONS: [1]"));
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    const draft = await answererFor(env.fake).answer(u, env.kb, offline, {});

    expect(env.fake.chatRequests).toHaveLength(1);
    const body = env.fake.chatRequests[0]!.body;
    expect(body.model).toBe("fake-model");
    expect(body.stream).toBeFalsy();
    expect(env.fake.chatRequests[0]!.headers.authorization).toBe("Bearer not-needed");
    const system = systemOf(body);
    const user = userOf(body);
    expect(system).toContain("Answer ONLY from the numbered context blocks");
    expect(system).toContain("Dutch (Nederlands)");
    expect(system).toContain("pay scale"); // prompts/intents/scale.md
    expect(system).not.toContain("servicedesk");
    expect(user).toContain(`<question>\n${SCALE_QUESTION}\n</question>`);
    // The offline answer's first citation is block [1].
    const first = offline.citations[0]!;
    expect(user).toMatch(new RegExp(`<context>\\n\\[1\\] ${first.source.replace(/\./g, "\\.")} — .* › ${first.section}`));
    expect(user).toContain("[2] ");
    expect(user).toContain("C1");

    expect(draft).toBeDefined();
    expect(draft!.answered).toBe(true);
    expect(draft!.intent).toBe("scale");
    expect(draft!.answer).toBe("De servicedesk medewerker ICT zit op niveau C1 [1].");
    expect(draft!.citations).toEqual([expect.objectContaining({ source: first.source, section: first.section })]);
  });

  it("accepts a JSON answer in a ```json fence as well", async () => {
    env.fake.respond(reply('```json\n{"answer": "Niveau C1.", "citations": [1], "answered": true}\n```'));
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    const draft = await answererFor(env.fake).answer(u, env.kb, offline, {});
    expect(draft?.answer).toBe("Niveau C1.");
    expect(draft?.citations).toHaveLength(1);
  });
});

describe("verification", () => {
  it("drops a fabricated citation id and keeps the real one", async () => {
    env.fake.respond(reply("Niveau C1 [1][42].\nCITATIONS: [1, 42]"));
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    const draft = await answererFor(env.fake).answer(u, env.kb, offline, {});
    expect(draft?.citations).toHaveLength(1);
    expect(draft?.answer).toBe("Niveau C1 [1].");
  });

  it("falls back when no valid citation is left", async () => {
    env.fake.respond(reply("Niveau C1.\nCITATIONS: [42, 99]"));
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
  });

  it("falls back on a scale number that is not in the cited context", async () => {
    env.fake.respond(reply("De servicedesk medewerker ICT valt in schaal 14.\nCITATIONS: [1]"));
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
  });

  it("falls back on a level code that only an uncited block holds", async () => {
    // "Schaal 6" is in the Rijk block, but the model cites only the provincial one.
    env.fake.respond(dynamic((body) => reply(`Schaal 6.\nCITATIONS: [${blockWith(body, "› Niveau")}]`)));
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    const user = await answererFor(env.fake).answer(u, env.kb, offline, {});
    expect(user).toBeUndefined();
  });

  it("accepts numbers the cited block does contain", async () => {
    env.fake.respond(
      dynamic((body) => reply(`De Rijksfunctie zit in schaal 6 [${blockWith(body, "Schaal 6")}].\nCITATIONS: [${blockWith(body, "Schaal 6")}]`)),
    );
    // A claim about a role comes from that role's own document (issue 26): the question names the Rijk role.
    const { u, offline } = await turn(env.kb, "Welke schaal heeft de medewerker ICT techniek informatiebeheer bij het Rijk?");
    const draft = await answererFor(env.fake).answer(u, env.kb, offline, {});
    expect(draft?.citations[0]?.section).toContain("Schaal 6");
  });

  it("lets the offline answer stand when the model says the documents do not answer", async () => {
    env.fake.respond(reply("Dat staat niet in de documenten.\nCITATIONS: []"));
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
  });

  it("falls back on output it cannot read", async () => {
    env.fake.respond(reply('{"answer": 12'));
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
  });
});

describe("streaming", () => {
  it("forwards answer deltas to onToken, hides the CITATIONS line, and the final draft carries the citations", async () => {
    const text = "De servicedesk medewerker ICT zit op **niveau C1** [1].\n\n- Vlaamse lokale en provinciale besturen\n\nCITATIONS: [1]";
    env.fake.respond(reply(text, 5));
    const deltas: string[] = [];
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    const draft = await answererFor(env.fake).answer(u, env.kb, offline, { onToken: (d) => deltas.push(d) });

    expect(env.fake.chatRequests[0]!.body.stream).toBe(true);
    expect(deltas.length).toBeGreaterThan(3);
    const streamed = deltas.join("");
    expect(streamed).not.toContain("CITATIONS");
    expect(streamed.trim()).toBe(draft!.answer);
    expect(draft!.citations).toHaveLength(1);
    expect(draft!.citations[0]!.source).toBe(offline.citations[0]!.source);
  });

  it("shows nothing of a JSON reply while streaming, and still answers", async () => {
    env.fake.respond(reply('{"answer": "Niveau C1.", "citations": [1], "answered": true}', 4));
    const deltas: string[] = [];
    const { u, offline } = await turn(env.kb, SCALE_QUESTION);
    const draft = await answererFor(env.fake).answer(u, env.kb, offline, { onToken: (d) => deltas.push(d) });
    expect(deltas).toEqual([]);
    expect(draft?.answer).toBe("Niveau C1.");
  });
});
