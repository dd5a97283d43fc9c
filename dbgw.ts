import { parseDocument } from "./src/ingest/parse/index.js";
const text = `# Medewerker personeelsadministratie

## Plaats van de functie in de organisatie

Directie/Afdeling/Dienst: Personeel en Organisatie

Niveau: B1

## Gedragcompetenties

### 1. Nauwkeurigheid

Zorgvuldig en precies werken en fouten vermijden

Niveau: 3

- Controleert het eigen werk op fouten
- Houdt dossiers volledig en correct bij

## Functieklassen

| Criterium | Waarde |
| --- | --- |
| Expertise | 2 |
`;
const d = parseDocument({ source: "x.docx", text, format: "docx" });
console.log(d.meta.jobLevels, d.competencies.map(c=>[c.name,c.indicators,c.description, c.proficiency]));
