import { MAX_MODEL_OUTPUT_CHARS, TRAILER_KEYWORDS } from "./output.js";

const isLeadingMarkup = (ch: string): boolean => /\s/.test(ch) || ch === ">" || ch === "*" || ch === "_" || ch === "`";
const isKeywordMarkup = (ch: string): boolean => /\s/.test(ch) || ch === "*" || ch === "_" || ch === "`";

/**
 * Whether the line held back so far can still become the trailer. The state
 * is kept per character (markup prefix, keyword letters, markup, colon), so a
 * line is never re-scanned: a model streaming a line of 100,000 spaces costs
 * linear time, not quadratic.
 */
class TrailerWatch {
  private phase: "prefix" | "keyword" | "afterKeyword" = "prefix";
  private word = "";

  /** Feeds one character; "trailer" when the line has become one, "no" when it never can. */
  feed(ch: string): "maybe" | "trailer" | "no" {
    if (this.phase === "prefix") {
      if (isLeadingMarkup(ch)) return "maybe";
      this.phase = "keyword";
    }
    if (this.phase === "keyword") {
      const word = this.word + ch.toUpperCase();
      if (TRAILER_KEYWORDS.some((k) => k.startsWith(word))) {
        this.word = word;
        return "maybe";
      }
      if (!(TRAILER_KEYWORDS as readonly string[]).includes(this.word)) return "no";
      this.phase = "afterKeyword";
    }
    if (ch === ":") return "trailer";
    return isKeywordMarkup(ch) ? "maybe" : "no";
  }

  reset(): void {
    this.phase = "prefix";
    this.word = "";
  }
}

/**
 * Forwards the answer text of a streaming reply and hides the machine part:
 * a line is held back only while it could still become the `CITATIONS:`
 * trailer, and a reply that starts as JSON or a code fence is not shown at
 * all (raw JSON is no answer; the final, verified answer replaces it).
 * Nothing beyond MAX_MODEL_OUTPUT_CHARS is forwarded.
 */
export class AnswerStream {
  private line = "";
  private lineShown = false;
  private finished = false;
  private mode: "undecided" | "text" | "silent" = "undecided";
  private received = 0;
  private readonly watch = new TrailerWatch();

  constructor(private readonly emit: (delta: string) => void) {}

  push(delta: string): void {
    if (this.finished || this.mode === "silent" || !delta) return;
    this.received += delta.length;
    if (this.received > MAX_MODEL_OUTPUT_CHARS) {
      // Too long to be an answer: it will be rejected, so show no more of it.
      this.finished = true;
      return;
    }
    let text = delta;
    if (this.mode === "undecided") {
      // Only the first visible character decides; leading white space is dropped, not accumulated.
      text = delta.trimStart();
      if (!text) return;
      if (text.startsWith("{") || text.startsWith("`")) {
        this.mode = "silent";
        return;
      }
      this.mode = "text";
    }
    let out = "";
    for (const ch of text) {
      if (ch === "\n") {
        if (!this.lineShown) out += this.line;
        out += "\n";
        this.line = "";
        this.lineShown = false;
        this.watch.reset();
      } else if (this.lineShown) {
        out += ch;
      } else {
        this.line += ch;
        const verdict = this.watch.feed(ch);
        if (verdict === "trailer") {
          this.finished = true;
          break;
        }
        if (verdict === "no") {
          out += this.line;
          this.line = "";
          this.lineShown = true;
        }
      }
    }
    if (out) this.emit(out);
  }

  /** The stream ended: show a held-back last line (it cannot be the trailer, or the stream would have finished). */
  end(): void {
    if (this.finished || this.mode !== "text") return;
    this.finished = true;
    if (this.line) this.emit(this.line);
  }
}
