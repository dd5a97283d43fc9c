// The text of the blind set's Word and PDF documents, kept as data so make-binaries.ts can write them and check.ts
// can check the facts of questions.jsonl against the same words the binaries hold.
import type { BinaryFixture } from "../../fixtures/structures/binary-sources.js";

export const blindBinaries: BinaryFixture[] = [
  {
    file: "defensie-monteur-wielvoertuigen.pdf",
    blocks: [
      { kind: "title", text: "Koninklijke Landmacht – Functiebeschrijving" },
      { kind: "para", text: "Functie: Monteur wielvoertuigen" },
      { kind: "para", text: "Eenheid: 13 Herstelcompagnie, Oirschot" },
      { kind: "para", text: "Rang en schaal: korporaal, schaal 3 (instroom) – korporaal der 1e klasse, schaal 4" },
      { kind: "para", text: "Dienstverband: militair, Fase 2-contract (BBT), aanstelling voor 4 jaar" },
      { kind: "heading", text: "Taken" },
      {
        kind: "bullets",
        items: [
          "voert onderhoud en reparaties uit aan wielvoertuigen zoals de Scania Gryphus en de Fennek",
          "stelt storingen vast met diagnoseapparatuur en vervangt componenten",
          "houdt de onderhoudsadministratie bij in het logistieke informatiesysteem",
          "werkt tijdens oefeningen en missies in een mobiele werkplaats, ook onder veldomstandigheden",
        ],
      },
      { kind: "heading", text: "Opleiding en eisen" },
      {
        kind: "bullets",
        items: [
          "mbo-2 of mbo-3 Mobiliteitstechniek, of bereid dit tijdens de vakopleiding te behalen",
          "Algemene Militaire Opleiding (AMO) en vakopleiding Monteur Wielvoertuigen in Vught",
          "rijbewijs C/CE wordt tijdens de opleiding behaald",
          "medisch en fysiek goedgekeurd (keuring bij het Dienstencentrum Werving & Selectie)",
        ],
      },
      { kind: "heading", text: "Werktijden" },
      {
        kind: "para",
        text: "Kazernedienst van 07.30 tot 16.30 uur; tijdens oefeningen en uitzendingen volgens dienstrooster, ook 's nachts en in het weekend.",
      },
      { kind: "heading", text: "Loopbaan" },
      {
        kind: "para",
        text: "Na twee jaar als korporaal volgt bij goed functioneren bevordering tot korporaal der 1e klasse (schaal 4). Met de Kaderopleiding Onderofficier kun je doorgroeien naar sergeant-monteur, schaal 5, en later naar de functie van chef werkplaats als sergeant-majoor.",
      },
    ],
  },
  {
    file: "pc200-klantendienst-klasse-b-c.docx",
    blocks: [
      { kind: "title", text: "Functiebeschrijving Medewerker klantendienst" },
      { kind: "para", text: "Brouwerij Van Steenberghe NV – Dendermonde" },
      {
        kind: "table",
        rows: [
          ["Paritair comité", "PC 200"],
          ["Functieklasse", "klasse B (medewerker klantendienst) – klasse C (senior medewerker klantendienst)"],
          ["Statuut", "bediende, voltijds contract van onbepaalde duur"],
          ["Uurrooster", "38 uur per week, van maandag tot vrijdag tussen 8 en 17 uur"],
          ["Standplaats", "hoofdzetel Dendermonde, 1 dag thuiswerk per week"],
        ],
      },
      { kind: "heading", text: "Doel" },
      { kind: "para", text: "Je behandelt bestellingen en vragen van horecaklanten en distributeurs zodat leveringen correct en op tijd vertrekken." },
      { kind: "heading", text: "Taken klasse B" },
      {
        kind: "bullets",
        items: [
          "orders invoeren in SAP en orderbevestigingen versturen",
          "telefonische en e-mailvragen van klanten beantwoorden in het Nederlands en Frans",
          "leveringsproblemen doorgeven aan de transportplanning",
        ],
      },
      { kind: "heading", text: "Bijkomende taken klasse C" },
      {
        kind: "bullets",
        items: [
          "klachten over breuk en leveringsfouten zelfstandig afhandelen tot en met de creditnota",
          "nieuwe collega's inwerken en de procedures van de klantendienst actueel houden",
          "exportorders voor Frankrijk en Nederland opvolgen, inclusief douanedocumenten",
        ],
      },
      { kind: "heading", text: "Profiel" },
      {
        kind: "para",
        text: "Klasse B: diploma hoger secundair onderwijs, eerste ervaring in een klantendienst is een plus. Klasse C: bachelor of gelijkwaardig door ervaring, minstens 4 jaar ervaring in customer service.",
      },
      { kind: "heading", text: "Competenties" },
      {
        kind: "table",
        rows: [
          ["Competentie", "Gedrag dat we verwachten"],
          ["Klantgerichtheid", "Zoekt een oplossing die voor de klant werkt en houdt de klant op de hoogte."],
          ["Stressbestendigheid", "Blijft vriendelijk en correct tijdens piekmomenten zoals de zomermaanden."],
          ["Nauwkeurigheid", "Voert orders foutloos in en controleert prijzen en hoeveelheden."],
          ["Talenkennis", "Communiceert vlot in het Nederlands en het Frans, schriftelijk en mondeling."],
        ],
      },
      { kind: "heading", text: "Loopbaan" },
      { kind: "para", text: "Doorgroei van klasse B naar klasse C na minimaal twee jaar en een positieve evaluatie." },
    ],
  },
];
