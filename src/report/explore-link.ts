/**
 * The `coordkit explore` command that opens a counterexample: the check's own options as
 * flags (explore takes the same ones) and --tour naming the property, so the page starts
 * on that counterexample's first step.
 */
export function exploreCommand(model: string, opts: Readonly<Record<string, unknown>>, property: string): string {
  const flags = Object.entries(opts)
    .filter(([, v]) => v !== undefined && v !== false && (typeof v === 'string' || typeof v === 'number' || v === true))
    .map(([k, v]) => {
      const flag = `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      return v === true ? flag : `${flag} ${quote(String(v))}`;
    });
  return ['coordkit explore', model, ...flags, '--tour', quote(property)].join(' ');
}

/** A shell word: bare when safe, single-quoted otherwise. */
function quote(s: string): string {
  return /^[\w.,:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
