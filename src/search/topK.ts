/**
 * The k highest-scoring ids, best first, in O(n log k): a min-heap of size k
 * instead of sorting every candidate (a common word touches most chunks).
 * Equal scores go to the smaller id, so the result does not depend on the
 * order the ids come in.
 */
export function topK(ids: ArrayLike<number>, score: (id: number) => number, k: number): { id: number; score: number }[] {
  if (k <= 0) return [];
  const heapIds: number[] = [];
  const heapScores: number[] = [];
  // "a ranks below b": the heap's root is the weakest of the k kept.
  const below = (a: number, b: number) => heapScores[a]! < heapScores[b]! || (heapScores[a] === heapScores[b] && heapIds[a]! > heapIds[b]!);
  const swap = (a: number, b: number) => {
    [heapIds[a], heapIds[b]] = [heapIds[b]!, heapIds[a]!];
    [heapScores[a], heapScores[b]] = [heapScores[b]!, heapScores[a]!];
  };
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < heapIds.length && below(left, smallest)) smallest = left;
      if (right < heapIds.length && below(right, smallest)) smallest = right;
      if (smallest === at) return;
      swap(at, smallest);
      at = smallest;
    }
  };
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const s = score(id);
    if (heapIds.length < k) {
      heapIds.push(id);
      heapScores.push(s);
      for (let at = heapIds.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!below(at, parent)) break;
        swap(at, parent);
        at = parent;
      }
    } else if (s > heapScores[0]! || (s === heapScores[0] && id < heapIds[0]!)) {
      heapIds[0] = id;
      heapScores[0] = s;
      down(0);
    }
  }
  return heapIds.map((id, i) => ({ id, score: heapScores[i]! })).sort((a, b) => b.score - a.score || a.id - b.id);
}
