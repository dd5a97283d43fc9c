import type { LevelRef } from "../../domain/document.js";

/**
 * A flattened UFO "NiveauSchaal" table row: the first digit is the niveau,
 * the rest the salary scale ("112" → niveau 1, schaal 12; "19" → 1, 9).
 * Rows that keep their separator ("1 12", "1\t12") decode the same way.
 */
export function decodeNiveauSchaalRow(row: string): LevelRef | undefined {
  const text = row.trim();
  const separated = /^(\d)\s+(\d{1,2})$/.exec(text);
  const joined = /^(\d)(\d{1,2})$/.exec(text);
  const match = separated ?? joined;
  if (!match) return undefined;
  const niveau = match[1]!;
  const scale = Number(match[2]);
  if (scale < 1 || scale > 18) return undefined;
  return { label: `Schaal ${scale}`, scale, niveau };
}

/** "Schaal 6", "schaal 10" as a whole line. */
export function parseScaleLine(line: string): LevelRef | undefined {
  const match = /^\s*schaal\s+(\d{1,2})\s*$/i.exec(line);
  if (!match) return undefined;
  const scale = Number(match[1]);
  return { label: `Schaal ${scale}`, scale };
}

/** "Niveau: C1" in a key-value block (the job's grade in Flemish local government). */
export function parseGradeLine(line: string): LevelRef | undefined {
  const match = /^\s*(?:functie)?niveau\s*:\s*([A-EV][1-5]?(?:-[A-EV]?[1-5])?)\s*$/i.exec(line);
  if (!match) return undefined;
  const niveau = match[1]!.toUpperCase();
  return { label: `Niveau ${niveau}`, niveau };
}

/** "Functieklasse 15/16" */
export function parseKlasse(text: string): LevelRef | undefined {
  const match = /functieklasse\s+(\d{1,2}(?:\/\d{1,2})?)/i.exec(text);
  if (!match) return undefined;
  return { label: `Functieklasse ${match[1]}`, klasse: match[1]! };
}
