import hnswlib from "hnswlib-node";
import type { Scored } from "./lexicalIndex.js";

const { HierarchicalNSW } = hnswlib;

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
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: 16, efConstruction: 100, randomSeed: 42 });
    vectors.forEach((vector, id) => index.addPoint(Array.from(vector), id));
    index.setEf(64);
    return new VectorIndex(index, dimensions);
  }

  static read(file: string, dimensions: number): VectorIndex {
    const index = new HierarchicalNSW("cosine", dimensions);
    index.readIndexSync(file);
    index.setEf(64);
    return new VectorIndex(index, dimensions);
  }

  write(file: string): void {
    this.index.writeIndexSync(file);
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
