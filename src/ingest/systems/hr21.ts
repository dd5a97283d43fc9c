import { defineSystem, firstNumber } from "./system.js";

/** HR21: Dutch municipalities' normfuncties, each with a salary scale. */
export const hr21 = defineSystem({
  id: "hr21",
  name: "HR21 (gemeenten)",
  markers: {
    strong: ["hr21", "hr 21", "normfunctie", "hr21-normfunctie"],
    weak: ["gemeente", "gemeentelijke", "cao gemeenten", "sectorale arbeidsvoorwaardenregeling", "sag"],
  },
  levelWords: ["schaal", "salarisschaal", "functieschaal", "functieniveau"],
  code: /^\d{1,2}$/,
  rank: firstNumber,
  askedAs: ["hr21", "hr 21", "gemeente", "gemeenten", "municipality", "municipal", "normfunctie"],
});
