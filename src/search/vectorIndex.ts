import hnswlib from "hnswlib-node";
import type { Scored } from "./lexicalIndex.js";

const { HierarchicalNSW } = hnswlib;

/**
 * Graph degree and build breadth. With M 16 / efConstruction 100, recall@40 stayed under 0.90 at 97,000
 * chunks whatever the ef; M 48 reaches 0.95 there at ef 300 in 0.66 ms where M 24 needs ef 512 and
 * 0.93 ms (the links cost 192 more bytes per chunk: 19 MB at 10,000 profiles).
 */
const M = 48;
const EF_CONSTRUCTION = 200;

/**
 * Search breadth for a graph of `size` points, growing with the graph so that
 * recall@40 against exact search stays ≥ 0.95. Measured with M 48 (`npm run
 * bench` reports it per size): at 97,000 chunks ef 300 gives 0.952 and 384
 * 0.973; at 292,000 chunks ef 648 gives 0.927, 1,167 0.946, 1,600 0.967. Up
 * to ~100,000 chunks √n growth suffices; beyond, the breadth must grow about
 * linearly (the line through ≈ 0.96 at both sizes), so search time does too:
 * past ~30,000 profiles an external engine is the better home (docs/scaling.md).
 */
export function efFor(size: number): number {
  return Math.min(2048, Math.max(64, Math.round(120 * Math.sqrt(size / 10_000)), Math.round(0.005 * size - 100)));
}

/**
 * Our own small wrapper around hnswlib: cosine space, ids are chunk ids,
 * filters applied inside the search so a filtered query still fills k.
 */
export class VectorIndex {
  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
  ) {}

  static build(vectors: ArrayLike<number>[], dimensions: number): VectorIndex {
    const index = new HierarchicalNSW("cosine", dimensions);
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: M, efConstruction: EF_CONSTRUCTION, randomSeed: 42 });
    vectors.forEach((vector, id) => index.addPoint(Array.from(vector), id));
    index.setEf(efFor(vectors.length));
    return new VectorIndex(index, dimensions);
  }

  static read(file: string, dimensions: number): VectorIndex {
    const index = new HierarchicalNSW("cosine", dimensions);
    index.readIndexSync(file);
    index.setEf(efFor(index.getCurrentCount()));
    return new VectorIndex(index, dimensions);
  }

  /** As read, with the file read and parsed on the thread pool, so the caller's thread goes on meanwhile. */
  static async readAsync(file: string, dimensions: number): Promise<VectorIndex> {
    const index = new HierarchicalNSW("cosine", dimensions);
    await index.readIndex(file);
    index.setEf(efFor(index.getCurrentCount()));
    return new VectorIndex(index, dimensions);
  }

  write(file: string): void {
    this.index.writeIndexSync(file);
  }

  /** A point's stored vector (unit length: the cosine space normalises what it is given), for re-use by the next ingest. */
  vector(id: number): Float32Array {
    return Float32Array.from(this.index.getPoint(id));
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  search(vector: number[], k: number, accept?: (id: number) => boolean): Scored[] {
    const count = this.size;
    if (!count) return [];
    const result = this.index.searchKnn(vector, Math.min(k, count), accept);
    // Cosine distance → similarity.
    return result.neighbors.map((id, i) => ({ id, score: 1 - result.distances[i]! }));
  }
}
