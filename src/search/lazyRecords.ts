/**
 * Records stored as JSON texts one after another in one buffer, each parsed
 * the first time it is asked for and kept from then on. Opening an index of
 * 100,000 chunks then costs no parsing at all: an answer parses the few dozen
 * records it shows, and the buffer lives outside the JavaScript heap, so the
 * garbage collector never copies it.
 */
export class LazyRecords<T> {
  private readonly parsed: (T | undefined)[];

  constructor(
    private readonly bytes: Buffer,
    /** Byte offset of each record's JSON, and of the end: count + 1 entries. */
    private readonly offsets: Uint32Array,
    /** Turns a record's parsed JSON into the record (adds what columns hold). */
    private readonly revive: (json: unknown, id: number) => T,
  ) {
    this.parsed = new Array<T | undefined>(offsets.length - 1);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  get(id: number): T {
    let record = this.parsed[id];
    if (record === undefined) {
      if (!(id >= 0 && id < this.size)) throw new RangeError(`no record ${id}`);
      record = this.parsed[id] = this.revive(JSON.parse(this.bytes.toString("utf8", this.offsets[id], this.offsets[id + 1])), id);
    }
    return record;
  }

  /** Every record, parsed and kept (ingest, inventories). */
  all(): T[] {
    return Array.from({ length: this.size }, (_, id) => this.get(id));
  }

  /** The first record that passes, parsing (and keeping) only as far as it. */
  find(test: (record: T) => unknown): T | undefined {
    for (let id = 0; id < this.size; id++) {
      const record = this.get(id);
      if (test(record)) return record;
    }
    return undefined;
  }

  /** Packs records as the body and offsets this class reads. */
  static pack(jsons: unknown[]): { body: Buffer; offsets: Uint32Array } {
    const parts = jsons.map((json) => Buffer.from(JSON.stringify(json), "utf8"));
    const offsets = new Uint32Array(parts.length + 1);
    parts.forEach((part, i) => (offsets[i + 1] = offsets[i]! + part.length));
    return { body: Buffer.concat(parts), offsets };
  }
}
