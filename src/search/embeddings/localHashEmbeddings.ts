import { Embeddings } from "@langchain/core/embeddings";
import { fold } from "../../text/normalize.js";
import { isStopword, words } from "../../text/tokenize.js";
import { stem } from "../../text/stem.js";

/** FNV-1a: fast, stable across runs and machines. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Local embeddings that need no model download and no key: hashed features
 * of stemmed words, word pairs and character 4-grams. The n-grams make
 * "servicedeskmedewerker" close to "servicedesk medewerker" and survive typos.
 */
export class LocalHashEmbeddings extends Embeddings {
  readonly id: string;

  constructor(readonly dimensions = 384) {
    super({});
    this.id = `local-hash-v1:${dimensions}`;
  }

  embed(text: string): number[] {
    const vector = new Float32Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const h = hash(feature);
      vector[h % this.dimensions]! += h & 0x80000000 ? -weight : weight;
    };
    const content = words(fold(text)).filter((word) => !isStopword(word));
    const stems = content.map(stem);
    stems.forEach((s, i) => {
      add(`w:${s}`, 1);
      if (i > 0) add(`b:${stems[i - 1]}_${s}`, 0.5);
    });
    for (const word of content) {
      const padded = `_${word}_`;
      for (let i = 0; i + 4 <= padded.length; i++) add(`g:${padded.slice(i, i + 4)}`, 0.35);
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (value) => value / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
