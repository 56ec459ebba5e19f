/**
 * The part of an actor's context worth showing (trace state events, step tables, state
 * graph labels): every field except those its input fixes. A field counts as fixed while it
 * still holds the input's value; one initialised from the input and changed later (a
 * balance, a counter) is shown, or a trace would hide exactly the change that matters.
 */
export function unfixedContext(context: object, input: unknown): Record<string, unknown> {
  const given = (input ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(context).filter(([k, v]) => !(k in given) || JSON.stringify(v) !== JSON.stringify(given[k])));
}
