/** Assigns each distinct value a small dense integer, once. */
export class Interner<T> {
  readonly values: T[] = [];
  /** The key of each value, by id. */
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of the value with this key, creating it with `make` when new. */
  intern(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
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
