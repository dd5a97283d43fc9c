import { defineSystem, firstNumber } from "./system.js";

/** Universitair Functieordenen: Dutch universities; profile levels map to salary scales. */
export const ufo = defineSystem({
  id: "ufo",
  name: "UFO (Universitair Functieordenen)",
  markers: {
    strong: ["universitair functieordenen", "niveauschaal", "ufo-profiel", "ufo profiel", "functieordenen"],
    weak: ["ufo", "universiteit", "faculteit", "hogeschool", "cao nederlandse universiteiten"],
  },
  levelWords: ["schaal", "salarisschaal"],
  code: /^\d{1,2}$/,
  rank: firstNumber,
  askedAs: ["ufo", "universiteit", "universiteiten", "university", "universities", "universitair", "universitaire", "hoger onderwijs", "campus"],
});
