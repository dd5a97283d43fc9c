/** Trailer keywords the parser accepts; a line starting with one is never shown while streaming. */
const KEYWORDS = ["CITATIONS", "BRONNEN", "SOURCES"];
const MARKUP = /^[\s>*_`]*/;

function isTrailer(line: string): boolean {
  return /^[\s>*_`]*(CITATIONS|BRONNEN|SOURCES)[\s*_`]*:/i.test(line);
}

function couldBeTrailer(line: string): boolean {
  const head = line.replace(MARKUP, "").toUpperCase();
  return KEYWORDS.some((k) => k.startsWith(head) || head.startsWith(k));
}

/**
 * Forwards the answer text of a streaming reply and hides the machine part:
 * a line is held back only while it could still become the `CITATIONS:`
 * trailer, and a reply that starts as JSON or a code fence is not shown at
 * all (raw JSON is no answer; the final, verified answer replaces it).
 */
export class AnswerStream {
  private line = "";
  private lineShown = false;
  private finished = false;
  private mode: "undecided" | "text" | "silent" = "undecided";
  private head = "";

  constructor(private readonly emit: (delta: string) => void) {}

  push(delta: string): void {
    if (this.finished || this.mode === "silent" || !delta) return;
    let text = delta;
    if (this.mode === "undecided") {
      this.head += delta;
      const start = this.head.trimStart();
      if (!start) return;
      if (start.startsWith("{") || start.startsWith("`")) {
        this.mode = "silent";
        return;
      }
      this.mode = "text";
      text = start;
      this.head = "";
    }
    let out = "";
    for (const ch of text) {
      if (ch === "\n") {
        if (!this.lineShown) {
          if (isTrailer(this.line)) {
            this.finished = true;
            break;
          }
          out += this.line;
        }
        out += "\n";
        this.line = "";
        this.lineShown = false;
      } else if (this.lineShown) {
        out += ch;
      } else {
        this.line += ch;
        if (!couldBeTrailer(this.line)) {
          out += this.line;
          this.line = "";
          this.lineShown = true;
        }
      }
    }
    if (out) this.emit(out);
  }

  /** The stream ended: show a held-back last line unless it is the trailer. */
  end(): void {
    if (this.finished || this.mode !== "text") return;
    this.finished = true;
    if (this.line && !isTrailer(this.line)) this.emit(this.line);
  }
}
