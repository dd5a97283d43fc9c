import { defineSystem, firstNumber } from "./system.js";

/** Functiegebouw Rijk: Dutch central government, one typering per salary scale. */
export const rijk = defineSystem({
  id: "rijk",
  name: "Functiegebouw Rijk",
  markers: {
    strong: ["functiegebouw rijk", "functietypering", "functietyperingen", "rijksoverheid", "fgr"],
    weak: ["rijk", "ministerie", "kwaliteitenprofiel", "bbra"],
  },
  levelWords: ["schaal", "salarisschaal"],
  code: /^\d{1,2}$/,
  rank: firstNumber,
  askedAs: [
    "rijk",
    "het rijk",
    "rijksschaal",
    "rijksschalen",
    "rijksoverheid",
    "central government",
    "dutch central government",
    "dutch government",
    "nationale overheid",
    "national government",
    "landelijke overheid",
    "ministerie",
    "ministry",
    "functiegebouw",
  ],
});
