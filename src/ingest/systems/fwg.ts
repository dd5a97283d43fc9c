import { defineSystem, firstNumber } from "./system.js";

/** FWG: Dutch healthcare job evaluation; function groups 5-80 in steps of 5. */
export const fwg = defineSystem({
  id: "fwg",
  name: "FWG (zorg)",
  markers: {
    strong: ["fwg", "fwg-functiegroep", "fwg 3.0", "fwg3.0"],
    weak: ["zorg", "ziekenhuis", "verpleeg", "cao ziekenhuizen", "cao vvt", "functiegroep"],
  },
  levelWords: ["fwg", "functiegroep", "fwg-functiegroep", "fwg functiegroep"],
  code: /^\d{2}$/,
  rank: firstNumber,
  askedAs: ["fwg", "zorg", "healthcare", "ziekenhuis", "hospital", "care"],
});
