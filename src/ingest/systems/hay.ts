import { defineSystem, firstNumber } from "./system.js";

/** HAY: job evaluation in points (often beside a salary scale). */
export const hay = defineSystem({
  id: "hay",
  name: "HAY-methode (punten)",
  markers: { strong: ["hay-punten", "hay punten", "hay-score", "hay-methode", "haypunten", "hay methode"], weak: ["hay", "waterschap", "korn ferry"] },
  levelWords: ["hay-punten", "hay punten", "hay-score", "haypunten", "punten"],
  code: /^\d{2,4}$/,
  rank: firstNumber,
  askedAs: ["hay", "hay punten", "hay points", "waterschap", "water board"],
});
