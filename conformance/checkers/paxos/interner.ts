/**
 * Node ids and values interned to small integers (first-seen order), so per-ballot
 * records hold a 4-byte number instead of a reference. A Map tells the number 1 from
 * the string "1", as the checkers' === does.
 */
export class Interner<T> {
  private readonly ids = new Map<T, number>();
  private readonly items: T[] = [];
  /** The last item asked for: events mostly repeat the value or node of the one before. */
  private last: T | undefined;
  private lastId = -1;

  idOf(item: T): number {
    if (item === this.last && this.lastId >= 0) return this.lastId;
    let id = this.ids.get(item);
    if (id === undefined) {
      id = this.items.push(item) - 1;
      this.ids.set(item, id);
    }
    this.last = item;
    this.lastId = id;
    return id;
  }

  itemOf(id: number): T { return this.items[id]; }
}
