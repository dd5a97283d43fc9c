/**
 * The k highest-scoring ids, best first, in O(n log k): a min-heap of size k
 * instead of sorting every candidate (a common word touches most chunks).
 * Equal scores go to the smaller id, so the result does not depend on the
 * order the ids come in. The heap lives in typed arrays: this runs for every
 * search over tens of thousands of candidates.
 */
export function topK(ids: ArrayLike<number>, score: (id: number) => number, k: number): { id: number; score: number }[] {
  if (k <= 0) return [];
  const heapIds = new Int32Array(k);
  const heapScores = new Float64Array(k);
  let size = 0;
  // "a ranks below b": the heap's root is the weakest of the k kept.
  const below = (a: number, b: number) => heapScores[a]! < heapScores[b]! || (heapScores[a] === heapScores[b] && heapIds[a]! > heapIds[b]!);
  const swap = (a: number, b: number) => {
    const id = heapIds[a]!;
    heapIds[a] = heapIds[b]!;
    heapIds[b] = id;
    const s = heapScores[a]!;
    heapScores[a] = heapScores[b]!;
    heapScores[b] = s;
  };
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const s = score(id);
    if (size < k) {
      heapIds[size] = id;
      heapScores[size] = s;
      for (let at = size++; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!below(at, parent)) break;
        swap(at, parent);
        at = parent;
      }
    } else if (s > heapScores[0]! || (s === heapScores[0] && id < heapIds[0]!)) {
      heapIds[0] = id;
      heapScores[0] = s;
      for (let at = 0; ; ) {
        const left = 2 * at + 1;
        const right = left + 1;
        let smallest = at;
        if (left < size && below(left, smallest)) smallest = left;
        if (right < size && below(right, smallest)) smallest = right;
        if (smallest === at) break;
        swap(at, smallest);
        at = smallest;
      }
    }
  }
  const out: { id: number; score: number }[] = [];
  for (let i = 0; i < size; i++) out.push({ id: heapIds[i]!, score: heapScores[i]! });
  return out.sort((a, b) => b.score - a.score || a.id - b.id);
}
