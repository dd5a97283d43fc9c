import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";

/** Words every HR question may use; they say what is asked, not what it is about. */
export const QUESTION_WORDS = new Set(
  words(
    "schaal schalen salarisschaal loonschaal barema niveau niveaus functie functies functieklasse vraag vragen competentie competenties " +
      "tips ontwikkeltips toetsvragen sollicitatievragen interviewvragen gedragsindicatoren passen past hoort horen welke scale scales " +
      "fits fit job jobs role roles level levels question questions interview give show list verandert veranderen changes change naar " +
      "from nodig need needs groeien grow doorgroeien beter worden better get improve verschil difference tussen between hoe how " +
      "werk work medewerker employee iemand someone kan can moet must voor for ik me salary salaris pay loon grade inschaling " +
      "hoort horen belong belongs fits past passen",
  ).map(stem),
);

