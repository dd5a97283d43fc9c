import { describe, expect, it } from "vitest";
import { dynamic, reply } from "./fakeOpenAi.js";
import { answererFor, blockWith, turn, withFakeModel } from "./setup.js";

/** Seen in a Teams client, verified as an answer to a scale question and to an interview question. */
const VACUOUS = "Volgens de functiebeschrijving staat het antwoord in de eerste bron [1]. Kijk in die bron voor de details.";

const env = withFakeModel();

describe("an answer that states nothing the sources say (issue 26)", () => {
  it.each([
    ["scale", "Welke schaal heeft de servicedesk medewerker ICT?"],
    ["interview", "Geef sollicitatievragen voor de servicedesk medewerker ICT"],
  ])("is not used for a %s question: the offline answer stands", async (_intent, question) => {
    env.fake.respond(reply(`${VACUOUS}\nCITATIONS: [1]`));
    const { u, offline } = await turn(env.kb, question);
    expect(offline.answered).toBe(true);
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
  });

  it("an answer of the question's own words and pointers is not used either", async () => {
    env.fake.respond(reply("De servicedesk medewerker ICT heeft een schaal; zie de functiebeschrijving [1].\nCITATIONS: [1]"));
    const { u, offline } = await turn(env.kb, "Welke schaal heeft de servicedesk medewerker ICT?");
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
  });

  it("an answer that takes its substance from the cited block is used", async () => {
    env.fake.respond(
      dynamic((body) =>
        reply(
          `Je zorgt voor werkinstructies en handleidingen en bent een bufferfunctie bij storingen [${blockWith(body, "storingen")}].\nCITATIONS: [${blockWith(body, "storingen")}]`,
        ),
      ),
    );
    const { u, offline } = await turn(env.kb, "Wat doet de servicedesk medewerker ICT?");
    const draft = await answererFor(env.fake).answer(u, env.kb, offline, {});
    expect(draft?.answer).toMatch(/werkinstructies en handleidingen/);
  });
});
