/**
 * Common competency names of Dutch and Flemish public-sector competency
 * dictionaries, with the word stems that signal them in a description, its
 * behaviour indicators, questions and tips, and English names people ask by.
 * Used to name competencies the document only describes, and to understand
 * questions ("negotiation skills" → onderhandelen).
 */
export type CompetencyEntry = {
  name: string;
  /** Folded word prefixes that signal this competency in a text. */
  cues: string[];
  /** Other ways people name it, Dutch and English (folded, lower case). */
  aliases: string[];
};

export const COMPETENCY_LEXICON: CompetencyEntry[] = [
  { name: "Onderhandelen", cues: ["onderhandel"], aliases: ["negotiation", "negotiating", "negotiate", "onderhandelingsvaardigheid"] },
  { name: "Analyseren", cues: ["analys", "ontleed", "ontled", "oorzak", "kern van", "hoofd- en bijzaken"], aliases: ["analysis", "analytical skills", "analyzing", "analysing", "analytisch vermogen", "analyse"] },
  { name: "Probleemanalyse", cues: ["probleemanalys", "verbanden", "oorzaken"], aliases: ["problem analysis"] },
  { name: "Voortgangscontrole", cues: ["voortgang", "controle", "evaluatiemoment", "deadline", "bewaken"], aliases: ["progress monitoring", "monitoring progress", "voortgangsbewaking", "voortgangscntrole"] },
  { name: "Organisatiebewustzijn", cues: ["draagvlak", "gevoeligheden", "acceptatie", "cultuur", "invloed en de gevolgen", "eigen organisatie"], aliases: ["organisational awareness", "organizational awareness", "organisatiesensitiviteit"] },
  { name: "Omgevingsbewustzijn", cues: ["maatschappelijk", "politiek", "ontwikkelingen", "trend", "geinformeerd"], aliases: ["environmental awareness", "awareness of the environment", "external awareness"] },
  { name: "Schriftelijke uitdrukkingsvaardigheid", cues: ["schrift", "schrijv", "tekst", "rapport", "notuleren", "spelfout", "taalgebruik"], aliases: ["written communication", "writing skills", "schriftelijke communicatie", "writing"] },
  { name: "Mondelinge uitdrukkingsvaardigheid", cues: ["mondeling", "presentat", "spreekt duidelijk"], aliases: ["oral communication", "verbal communication", "presenting"] },
  { name: "Klantgerichtheid", cues: ["klant", "dienstverlenend", "belanghebbend"], aliases: ["customer focus", "customer orientation", "client focus", "klantgericht", "customer service"] },
  { name: "Resultaatgerichtheid", cues: ["resultat", "resultaat", "doelstelling", "eisen aan jezelf", "prestatie"], aliases: ["result orientation", "results orientation", "results-driven", "resultaatgericht", "result-oriented"] },
  { name: "Samenwerken", cues: ["samenwerk", "team", "gezamenlijk"], aliases: ["teamwork", "cooperation", "collaboration", "collaborating", "goed samenwerken"] },
  { name: "Plannen en organiseren", cues: ["plann", "organiseren", "prioriteit", "werkschema"], aliases: ["planning", "planning and organising", "plannen", "organising"] },
  { name: "Initiatief", cues: ["initiatief", "eigen beweging", "proactief"], aliases: ["initiative", "taking initiative"] },
  { name: "Integriteit", cues: ["integriteit", "vertrouwelijk", "misbruik", "ethisch"], aliases: ["integrity"] },
  { name: "Luisteren", cues: ["luister", "uitspreken", "vat samen"], aliases: ["listening", "active listening"] },
  { name: "Accuraat werken", cues: ["nauwkeurig", "zorgvuldig", "details", "accuraat"], aliases: ["accuracy", "working accurately", "attention to detail", "nauwkeurigheid"] },
  { name: "Zelfontwikkeling", cues: ["ontwikkel", "leert van", "nieuwe inzichten"], aliases: ["self-development", "personal development", "zelfontplooiing"] },
  { name: "Overtuigingskracht", cues: ["overtuig", "argument"], aliases: ["persuasiveness", "persuasion", "influencing"] },
  { name: "Flexibiliteit", cues: ["flexib", "aanpassen", "bijsturen"], aliases: ["flexibility", "adaptability", "flexibel gedrag"] },
  { name: "Creativiteit", cues: ["creativ", "origineel", "vernieuwend", "nieuwigheden"], aliases: ["creativity", "creative"] },
  { name: "Oordeelsvorming", cues: ["oordeel", "standpunt", "afweging"], aliases: ["judgement", "judgment", "decision making"] },
  { name: "Besluitvaardigheid", cues: ["besluit", "beslissing"], aliases: ["decisiveness"] },
  { name: "Leidinggeven", cues: ["leidinggev", "aansturen", "medewerkers motiveren"], aliases: ["leadership", "leading", "people management"] },
  { name: "Coachen", cues: ["coach", "begeleid"], aliases: ["coaching"] },
  { name: "Stressbestendigheid", cues: ["stress", "druk", "tegenslag"], aliases: ["stress resistance", "resilience"] },
  { name: "Innoveren", cues: ["innov", "vernieuw"], aliases: ["innovation", "innovating"] },
  { name: "Visie", cues: ["visie", "toekomstgericht", "ruim perspectief"], aliases: ["vision", "strategic vision"] },
  { name: "Verantwoordelijkheid nemen", cues: ["verantwoordelijkheid"], aliases: ["taking responsibility", "responsibility", "accountability"] },
  { name: "Betrouwbaarheid", cues: ["betrouwbaar", "afspraken nakomen", "deontologie"], aliases: ["reliability", "trustworthiness", "hoge betrouwbaarheid"] },
  { name: "Steeds verbeteren", cues: ["verbeteren", "bereidheid om te leren"], aliases: ["continuous improvement", "improving"] },
  { name: "Netwerken", cues: ["netwerk", "contacten"], aliases: ["networking"] },
];
