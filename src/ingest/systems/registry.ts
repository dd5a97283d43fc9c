import { caoLetterScales } from "./caoLetterScales.js";
import { federaal } from "./federaal.js";
import { fwg } from "./fwg.js";
import { generic } from "./generic.js";
import { hay } from "./hay.js";
import { hr21 } from "./hr21.js";
import { rijk } from "./rijk.js";
import type { ClassificationSystem } from "./system.js";
import { ufo } from "./ufo.js";
import { vlaamseOverheid } from "./vlaamseOverheid.js";
import { vlaamsLokaal } from "./vlaamsLokaal.js";

/** Every system we recognise; `generic` last, as the fallback. Add a system: one file, one line here. */
export const SYSTEMS: readonly ClassificationSystem[] = [ufo, rijk, hr21, fwg, caoLetterScales, hay, vlaamseOverheid, vlaamsLokaal, federaal, generic];

const byId = new Map(SYSTEMS.map((s) => [s.id, s]));
/** Older index files and front matter used other names. */
const ALIASES: Record<string, string> = {
  provincie: "vlaams-lokaal",
  "vlaamse-lokale-besturen": "vlaams-lokaal",
  onbekend: "generic",
  unknown: "generic",
  gemeente: "hr21",
  zorg: "fwg",
};

export function systemById(id: string | undefined): ClassificationSystem {
  if (!id) return generic;
  return byId.get(id) ?? byId.get(ALIASES[id] ?? "") ?? SYSTEMS.find((s) => s.name.toLowerCase() === id.toLowerCase()) ?? generic;
}

export { generic as GENERIC_SYSTEM };
