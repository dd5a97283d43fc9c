import { defineSystem, gradeRank } from "./system.js";

/** Belgian federal government: levels A-D, and classes A1-A5 within level A. */
export const federaal = defineSystem({
  id: "federaal",
  name: "Federale overheid (niveaus en klassen)",
  markers: {
    strong: ["federale overheid", "fod ", "federale overheidsdienst", "selor", "bosa", "klasse a1", "klasse a2", "klasse a3", "klasse a4", "klasse a5"],
    weak: ["attache", "federaal", "belgie", "expert administratief", "expert financieel"],
  },
  levelWords: ["klasse", "niveau", "graad"],
  code: /^[A-D][1-5]?$/,
  rank: gradeRank,
  askedAs: ["federale overheid", "federal government", "federaal", "federal", "fod", "belgian federal"],
});
