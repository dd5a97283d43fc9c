import { defineSystem, firstNumber, gradeRank } from "./system.js";

/** Any other system: a level stated as "schaal/niveau/klasse/graad X" is still recorded. */
export const generic = defineSystem({
  id: "generic",
  name: "Eigen indeling",
  markers: { strong: [], weak: [] },
  levelWords: ["schaal", "salarisschaal", "loonschaal", "niveau", "functieniveau", "klasse", "graad", "rang", "grade", "scale", "level"],
  code: /^(?:\d{1,3}|[A-N]\d?)$/,
  rank: (code) => (/^\d/.test(code) ? firstNumber(code) : gradeRank(code)),
  askedAs: [],
});
