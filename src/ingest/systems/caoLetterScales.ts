import { defineSystem } from "./system.js";

/** Collective agreements with letter scales (e.g. CAO Woondiensten: A … N). */
export const caoLetterScales = defineSystem({
  id: "cao-woondiensten",
  name: "CAO Woondiensten (letterschalen)",
  markers: {
    strong: ["cao woondiensten", "woondiensten", "woningcorporatie", "woningcorporaties", "functieschaal"],
    weak: ["huurders", "verhuur", "woningen", "corporatie"],
  },
  levelWords: ["schaal", "functieschaal", "salarisschaal"],
  code: /^[A-N]$/,
  rank: (code) => "ABCDEFGHIJKLMN".indexOf(code.trim().toUpperCase()) + 1,
  askedAs: ["woningcorporatie", "housing association", "woondiensten", "corporatie", "letterschaal", "letter scale"],
});
