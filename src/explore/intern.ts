/** Thrown by a frozen interner asked for a value it does not have. */
export class NotInterned extends Error {
  constructor(readonly key: string) {
    super(`not interned: ${key}`);
  }
}

/** Assigns each distinct value a small dense integer, once. */
export class Interner<T> {
  /**
   * A frozen interner hands out only the ids it has: a replica of another process's
   * tables must not invent ids of its own (see parallel.ts).
   */
  frozen = false;
  readonly values: T[] = [];
  /** The key of each value, by id. */
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of the value with this key, creating it with `make` when new. */
  intern(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      if (this.frozen) throw new NotInterned(key);
      id = this.values.length;
      this.values.push(make());
      this.keys.push(key);
      this.ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }
}
