import { defineSystem, gradeRank } from "./system.js";

/** Flemish local and provincial government: levels A-E with grades 1-5 (C1, B1-B3). */
export const vlaamsLokaal = defineSystem({
  id: "vlaams-lokaal",
  name: "Vlaamse lokale en provinciale besturen (niveaus A-E)",
  markers: {
    strong: ["lokaal bestuur", "lokale besturen", "ocmw", "provinciebestuur", "provincie", "rechtspositieregeling", "barema", "weddeschaal"],
    weak: ["gemeente", "stad", "provinciale", "niveau c", "niveau b", "niveau d", "niveau a", "graad"],
  },
  levelWords: ["niveau", "functieniveau", "barema", "weddeschaal", "graad", "rang"],
  code: /^[A-E][1-5]?[a-c]?(?:-[A-E]?[1-5][a-c]?)?$/,
  rank: gradeRank,
  askedAs: [
    "vlaamse",
    "flemish",
    "provincie",
    "provinciaal",
    "provinciehuis",
    "provinciebestuur",
    "province",
    "provincial",
    "flemish province",
    "lokaal bestuur",
    "lokale besturen",
    "local government",
    "ocmw",
    "stad",
    "gemeente",
    "vlaamse gemeente",
  ],
});
