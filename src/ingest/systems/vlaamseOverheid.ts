import { defineSystem, firstNumber } from "./system.js";

/** Vlaamse overheid: job families with functieklassen (FK 14 … 22). */
export const vlaamseOverheid = defineSystem({
  id: "vlaamse-overheid",
  name: "Vlaamse overheid (functieklassen)",
  markers: { strong: ["vlaamse overheid", "functieklasse", "functieklassen"], weak: ["vlaams", "agentschap", "departement", "functiefamilie"] },
  levelWords: ["functieklasse", "klasse", "fk"],
  code: /^\d{1,2}(?:\/\d{1,2})?$/,
  rank: firstNumber,
  askedAs: [
    "vlaamse",
    "flemish",
    "vlaamse overheid",
    "flemish government",
    "vlaanderen",
    "flanders",
    "flemish administration",
    "functieklasse",
    "functieklassen",
    "functiefamilie",
  ],
});
