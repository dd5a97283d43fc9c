import { beforeAll, describe, expect, it } from "vitest";
import type { FunctiewijzerAssistant } from "../../src/answer/assistant.js";
import { buildAssistant } from "../support/knowledge.js";

let assistant: FunctiewijzerAssistant;

beforeAll(async () => {
  ({ assistant } = await buildAssistant());
});

describe("a conversation that helps", () => {
  it("'meer' continues a list where it stopped, and says when there is no more", async () => {
    const first = await assistant.ask("wat doet een medewerker in schaal 6 bij het Rijk?", { conversation: "more" });
    expect(first.expansions?.length).toBeGreaterThan(0);
    const label = first.expansions![0]!.label;
    expect(first.answer).toContain(label); // the cut is visible where it happens
    const more = await assistant.ask("meer", { conversation: "more" });
    expect(more.answered).toBe(true);
    expect(more.answer).toContain(first.expansions![0]!.markdown.split("\n")[0]!);
    for (let i = 0; i < first.expansions!.length; i++) await assistant.ask("geef er nog meer", { conversation: "more" });
    const done = await assistant.ask("meer", { conversation: "more" });
    expect(done.answer).toMatch(/Dat was alles/);
  });

  it("'waarom?' quotes the evidence of the previous answer", async () => {
    const answer = await assistant.ask("Welke schaal past bij een servicedesk medewerker?", { conversation: "why" });
    const why = await assistant.ask("waarom?", { conversation: "why" });
    expect(why.answered).toBe(true);
    expect(why.citations).toEqual(answer.citations);
    expect(why.answer).toContain(answer.citations[0]!.quote!.slice(0, 30));
  });

  it("'en voor schaal 8?' keeps a comparison a comparison, one step on", async () => {
    await assistant.ask("Wat is het verschil tussen schaal 6 en 7?", { conversation: "step" });
    const next = await assistant.ask("en voor schaal 8?", { conversation: "step" });
    expect(["career", "compare"]).toContain(next.intent);
    expect(next.answer).toMatch(/Schaal 7 naar Schaal 8/);
  });

  it("picks a suggested question by its number", async () => {
    const first = await assistant.ask("Geef toetsvragen voor onderhandelen", { conversation: "pick" });
    const picked = await assistant.ask("2", { conversation: "pick" });
    expect(picked.question).toBe("2");
    const direct = await assistant.ask(first.followUps[1]!, { conversation: "pick-direct" });
    expect(picked.answer).toBe(direct.answer);
  });

  it("answers 'wat kun je?' in the middle of a conversation, and 'nieuw gesprek' starts over", async () => {
    await assistant.ask("Geef toetsvragen voor onderhandelen", { conversation: "help" });
    const help = await assistant.ask("wat kun je?", { conversation: "help" });
    expect(help.intent).toBe("help");
    expect(help.answer).toMatch(/Bijvoorbeeld/);
    await assistant.ask("nieuw gesprek", { conversation: "help" });
    const fresh = await assistant.ask("en voor klantgerichtheid?", { conversation: "help" });
    expect(fresh.intent).not.toBe("interview");
  });

  it("a new question with its own subject is not read as a follow-up", async () => {
    await assistant.ask("Welke schaal past bij de accountmanager dienstverlening?", { conversation: "topic" });
    const other = await assistant.ask("Geef ontwikkeltips voor analyseren", { conversation: "topic" });
    expect(other.intent).toBe("development");
    expect(other.answer).toMatch(/Analyseren/);
  });
});

describe("intents beyond the five", () => {
  it("catalogue: the roles, systems and competencies in the documents", async () => {
    const roles = await assistant.ask("welke functies staan er in de documenten?");
    expect(roles).toMatchObject({ intent: "catalogue", answered: true });
    expect(roles.answer).toMatch(/Accountmanager dienstverlening/);
    const systems = await assistant.ask("Which classification systems are used in these documents?");
    expect(systems.answer).toMatch(/Functiegebouw Rijk/);
    expect(systems.answer).toMatch(/UFO/);
  });

  it("compare: two levels side by side, never converting between systems", async () => {
    const levels = await assistant.ask("verschil schaal 8 en 6");
    expect(levels.intent).toBe("compare");
    expect(levels.answer).toMatch(/Van Schaal 6 naar Schaal 8/); // lower to higher, whichever is named first
    const across = await assistant.ask("vergelijk de servicedesk medewerker bij het Rijk en bij de provincie");
    expect(across.intent).toBe("compare");
    expect(across.answer).toMatch(/Niveau C1/);
    expect(across.answer).toMatch(/niet in elkaar om/);
  });

  it("lookup: label/value facts, from the document asked about", async () => {
    const who = await assistant.ask("wie beoordeelt de servicedesk medewerker?");
    expect(who).toMatchObject({ intent: "lookup", answered: true });
    expect(who.answer).toMatch(/coördinator ICT-Operations/);
    expect(new Set(who.citations.map((c) => c.source))).toEqual(new Set(["provincie-servicedesk-medewerker-ict.md"]));
  });

  it("refuses with the right reason and offers what the documents can answer", async () => {
    const home = await assistant.ask("mag ik thuiswerken?");
    expect(home.answered).toBe(false);
    expect(home.answer).toMatch(/thuis/i);
    expect(home.answer).not.toMatch(/euro/);
    const holidays = await assistant.ask("hoeveel vakantiedagen krijg ik?");
    expect(holidays.answer).toMatch(/Verlof|vakantie/);
    expect(holidays.followUps.length).toBeGreaterThan(0);
  });

  it("every offline answer carries [n] markers for its citations, and the citations their document's title", async () => {
    const answer = await assistant.ask("Geef toetsvragen voor onderhandelen");
    expect(answer.answer).toMatch(/\[1\]/);
    expect(answer.citations[0]!.title).toBe("Service level manager ICT");
  });
});
