/**
 * Synthetic HR documents in the seed formats (UFO web export, Rijk
 * functietyperingen, Flemish provincial Markdown, plain memo), deterministic
 * from a seed so anyone can rebuild the same 100 / 1,000 / 10,000 documents.
 */

export type SyntheticDocument = { file: string; text: string };

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = {
  pick<T>(items: readonly T[]): T;
  some<T>(items: readonly T[], min: number, max: number): T[];
  int(min: number, max: number): number;
  chance(p: number): boolean;
};

function random(seed: number): Random {
  const next = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    some: (items, min, max) => {
      const pool = [...items];
      const out = [];
      for (let n = int(min, Math.min(max, pool.length)); n > 0; n--) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
  };
}

export const DOMAINS = [
  "ICT",
  "Financiën",
  "Personeelszaken",
  "Communicatie",
  "Facilitaire zaken",
  "Juridische zaken",
  "Inkoop",
  "Huisvesting",
  "Informatiebeheer",
  "Onderwijsondersteuning",
  "Onderzoeksbeleid",
  "Kwaliteitszorg",
  "Studentenzaken",
  "Marketing",
  "Archief",
  "Beveiliging",
];
export const ROLES = [
  "medewerker",
  "senior medewerker",
  "adviseur",
  "beleidsmedewerker",
  "coördinator",
  "specialist",
  "teamleider",
  "projectleider",
  "functioneel beheerder",
  "administratief medewerker",
  "accountmanager",
  "controller",
  "servicedesk medewerker",
  "applicatiebeheerder",
  "secretaresse",
  "analist",
];
const OBJECTS = [
  "meldingen",
  "offertes",
  "contracten",
  "begrotingen",
  "rapportages",
  "verzoeken van gebruikers",
  "dossiers",
  "aanvragen",
  "klachten",
  "projectplannen",
  "werkinstructies",
  "beleidsnotities",
  "facturen",
  "roosters",
  "licenties",
  "wijzigingsverzoeken",
];
const VERBS = [
  "Registreren en afhandelen van",
  "Opstellen en bewaken van",
  "Analyseren en beoordelen van",
  "Adviseren over",
  "Coördineren van",
  "Controleren van",
  "Voorbereiden van",
  "Evalueren van",
  "Beheren en actualiseren van",
  "Signaleren van knelpunten in",
];
const FRAMES = [
  "Wet- en regelgeving en interne procedures",
  "Het afdelingsjaarplan en de begroting",
  "Vastgestelde service levels",
  "Landelijke richtlijnen en het instellingsbeleid",
  "Werkafspraken binnen het team",
];
export const COMPETENCIES = [
  { name: "Klantgerichtheid", description: "Onderzoeken van wensen en behoeften van de klant en hiernaar handelen.", verb: "klanten" },
  { name: "Samenwerken", description: "Bijdragen aan een gezamenlijk resultaat, ook als het niet direct eigen belang dient.", verb: "collega's" },
  { name: "Plannen en organiseren", description: "Doelen en prioriteiten bepalen en de benodigde tijd, acties en middelen aangeven.", verb: "planningen" },
  { name: "Analyseren", description: "Een probleem in onderdelen ontleden en relevante gegevens met elkaar in verband brengen.", verb: "problemen" },
  { name: "Resultaatgerichtheid", description: "Gericht zijn op het behalen van doelstellingen en daar actie op ondernemen.", verb: "doelen" },
  { name: "Integriteit", description: "Handelen volgens algemeen aanvaarde sociale en ethische normen.", verb: "afspraken" },
  { name: "Initiatief", description: "Kansen signaleren en uit eigen beweging actie ondernemen.", verb: "verbeteringen" },
  { name: "Schriftelijke uitdrukkingsvaardigheid", description: "Ideeën en meningen in correct en begrijpelijk schrift weergeven.", verb: "teksten" },
  { name: "Flexibiliteit", description: "Gedrag aanpassen aan veranderende omstandigheden om een doel te bereiken.", verb: "veranderingen" },
  { name: "Overtuigingskracht", description: "Anderen voor een standpunt of voorstel winnen door argumenten goed over te brengen.", verb: "voorstellen" },
];
const QUESTION_TEMPLATES = [
  (v: string) => `Beschrijf een situatie waarin je met ${v} te maken had. Wat deed je precies en wat was het resultaat?`,
  (v: string) => `Kun je een voorbeeld geven waarin het misging met ${v}? Wat heb je daarvan geleerd?`,
  (v: string) => `Hoe ga je om met tegenstrijdige belangen rond ${v}? Geef een concreet voorbeeld.`,
  (v: string) => `Wat doe je als je merkt dat ${v} niet op tijd klaar zijn?`,
];
const TIP_TEMPLATES = [
  (v: string) => `Bespreek na afloop met een collega hoe je met ${v} bent omgegaan en vraag om feedback.`,
  (v: string) => `Houd een week lang bij hoe je met ${v} werkt en evalueer dat met je leidinggevende.`,
  (v: string) => `Volg een training en oefen de aanpak van ${v} in een rollenspel.`,
];
const INDICATORS = [
  "Vraagt door om de behoefte helder te krijgen",
  "Houdt zich aan gemaakte afspraken",
  "Stelt prioriteiten en bewaakt deadlines",
  "Signaleert knelpunten tijdig",
  "Deelt kennis en informatie met collega's",
  "Onderbouwt een advies met feiten",
  "Neemt verantwoordelijkheid voor het eigen werk",
];

function competencyBlock(r: Random, c: (typeof COMPETENCIES)[number], bullet: string): string {
  const questions = r.some(QUESTION_TEMPLATES, 2, 4).map((q) => q(c.verb));
  const tips = r.some(TIP_TEMPLATES, 1, 3).map((t) => t(c.verb));
  return [
    "Omschrijving",
    c.description,
    "",
    "Gedragsindicatoren",
    ...r.some(INDICATORS, 2, 4).map((i) => `${bullet}${i}.`),
    "Toetsvragen",
    ...questions.map((q) => `${bullet}${q}`),
    "Ontwikkeltips",
    ...tips.map((t) => `${bullet}${t}`),
    ...(r.chance(0.7) ? tips.map((t) => `${bullet}${t}`) : []), // the export repeats the list
  ].join("\n");
}

function ufoProfile(r: Random, role: string, domain: string): string {
  const bullet = "  • ";
  const niveaus = r.int(1, 3);
  const top = r.int(6, 13);
  const areas = r
    .some(VERBS, 3, 6)
    .map((verb) =>
      [
        "Kernactiviteit",
        `${verb} ${r.pick(OBJECTS)} op het gebied van ${domain.toLowerCase()}`,
        "",
        "Kader",
        r.pick(FRAMES),
        "",
        "Resultaat",
        `${r.pick(OBJECTS)} zijn tijdig en correct verwerkt`,
        "",
        "Activiteit",
        ...r.some(OBJECTS, 2, 3).map((o) => `${bullet}Verwerken van ${o}`),
      ].join("\n"),
    );
  return [
    "Functiebeschrijving",
    "",
    "Functiefamilie",
    "Functies per Functiefamilie, met aantal medewerkers",
    "Doel",
    `${role[0]!.toUpperCase()}${role.slice(1)} ${domain}: zorgen voor de uitvoering en verbetering van ${r.pick(OBJECTS)} binnen de afdeling ${domain.toLowerCase()}.`,
    "Resultaatgebieden",
    ...areas,
    "Competenties",
    ...r.some(COMPETENCIES, 2, 4).map((c) => competencyBlock(r, c, bullet)),
    "Niveaus",
    "NiveauSchaal",
    ...Array.from({ length: niveaus }, (_, i) => `${i + 1}${top - i}`),
  ].join("\n");
}

function rijkProfile(r: Random, role: string, domain: string): string {
  const first = r.int(4, 10);
  const typings = Array.from({ length: r.int(2, 4) }, (_, i) => first + i).map((scale, i) =>
    [
      "Functietypering",
      "",
      `${r.int(2, 3)}${r.int(1, 3)}${r.int(1, 3)}${r.int(2, 3)}${r.int(2, 3)}  ${r.int(1, 3)}${r.int(1, 3)}${r.int(1, 3)}${r.int(1, 3)}${r.int(1, 3)}  ${r.int(1, 3)}${r.int(1, 3)}  ${r.int(1, 3)}${r.int(1, 3)} (${20 + scale + i})`,
      "",
      `Schaal ${scale}`,
      "",
      "Algemene omschrijving",
      "",
      ` • ${["eenvoudige", "afwisselende", "complexe", "zeer complexe"][Math.min(3, i)]} werkzaamheden op het gebied van ${domain.toLowerCase()}`,
      "",
      "Resultaten",
      "",
      domain,
      ...r.some(OBJECTS, 2, 4).map((o) => ` • ${o} ${r.pick(["verwerkt", "beoordeeld", "opgesteld", "bewaakt"])}`),
      "",
      "Kennis en vaardigheden",
      "",
      ` • ${["praktische kennis", "vakkennis op mbo-niveau", "brede vakkennis op hbo-niveau", "specialistische kennis"][Math.min(3, i)]} van ${domain.toLowerCase()}`,
      "",
      "Contacten",
      "",
      ` • ${["informatie uitwisselen met collega's", "afstemmen met gebruikers", "adviseren van leidinggevenden", "onderhandelen met externe partijen"][Math.min(3, i)]}`,
      "",
    ].join("\n"),
  );
  return [
    `${role[0]!.toUpperCase()}${role.slice(1)} ${domain}`,
    "",
    "Resultaten",
    "",
    domain,
    ` • ${r.pick(OBJECTS)} zijn afgehandeld`,
    "",
    "Competenties",
    "",
    ...r.some(COMPETENCIES, 2, 3).map((c) => ` • ${c.name.toLowerCase()}`),
    "",
    "Functietyperingen",
    "",
    ...typings,
  ].join("\n");
}

function provincieProfile(r: Random, role: string, domain: string): string {
  const level = `${r.pick(["A", "B", "C", "D", "E"])}${r.int(1, 3)}`;
  const competencies = r
    .some(COMPETENCIES, 2, 4)
    .map((c, i) =>
      [`### ${i + 1}. ${c.name}`, "", c.description, "", `*Niveau: ${r.int(1, 3)}*`, "", ...r.some(INDICATORS, 2, 4).map((x) => `- ${x}`), ""].join("\n"),
    );
  return [
    `# ${role[0]!.toUpperCase()}${role.slice(1)} ${domain}`,
    "",
    "## Plaats van de functie in de organisatie",
    "",
    `Directie/Afdeling/Dienst: ${domain}  `,
    `Niveau: ${level}  `,
    "",
    "## Korte omschrijving van de functie",
    "",
    `Je zorgt als ${role} voor ${r.pick(OBJECTS)} en ${r.pick(OBJECTS)} binnen ${domain.toLowerCase()}.`,
    "",
    "## Resultaatsgebieden",
    "",
    ...r.some(VERBS, 2, 4).map((v) => `### ${v} ${r.pick(OBJECTS)}\n\n- ${r.pick(OBJECTS)} zijn correct verwerkt\n- ${r.pick(INDICATORS)}\n`),
    "## Gedragcompetenties",
    "",
    ...competencies,
  ].join("\n");
}

function memo(r: Random, _role: string, domain: string): string {
  return [
    `Werkinstructie ${domain}`,
    "",
    ...Array.from({ length: r.int(3, 6) }, () => `${r.pick(VERBS)} ${r.pick(OBJECTS)} gebeurt volgens ${r.pick(FRAMES).toLowerCase()}. ${r.pick(INDICATORS)}.`),
  ].join("\n\n");
}

const FORMATS = [
  { weight: 0.4, make: ufoProfile, ext: "txt", prefix: "ufo" },
  { weight: 0.3, make: rijkProfile, ext: "txt", prefix: "rijk" },
  { weight: 0.2, make: provincieProfile, ext: "md", prefix: "provincie" },
  { weight: 0.1, make: memo, ext: "txt", prefix: "memo" },
] as const;

/** The `index`-th document of the corpus for `seed`: independent of how many are generated. */
export function syntheticDocument(seed: number, index: number): SyntheticDocument {
  const r = random(seed * 1_000_003 + index);
  const role = r.pick(ROLES);
  const domain = r.pick(DOMAINS);
  let roll = r.int(0, 999) / 1000;
  const format = FORMATS.find((f) => (roll -= f.weight) < 0) ?? FORMATS[0];
  const slug = `${role} ${domain}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-");
  const folder = `deel-${String(Math.floor(index / 500)).padStart(3, "0")}`;
  return { file: `${folder}/${format.prefix}-${slug}-${String(index).padStart(5, "0")}.${format.ext}`, text: format.make(r, role, domain) };
}

export function* syntheticCorpus(docs: number, seed = 42): Generator<SyntheticDocument> {
  for (let i = 0; i < docs; i++) yield syntheticDocument(seed, i);
}
