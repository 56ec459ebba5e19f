/**
 * DOT -> SVG through Graphviz compiled to WebAssembly (@viz-js/viz): no system
 * binary. The WebAssembly instance is created once and reused.
 */
import { instance, type Viz } from '@viz-js/viz';
import { FONT_FAMILY, FONT_NAME } from './text-metrics.ts';

let viz: Promise<Viz> | undefined;

function graphviz(): Promise<Viz> {
  viz ??= instance();
  return viz;
}

export class DotError extends Error {
  constructor(readonly messages: string[]) {
    super(`Graphviz rejected the diagram: ${messages.join('; ')}`);
    this.name = 'DotError';
  }
}

/**
 * Renders DOT to an SVG document string; throws DotError when Graphviz reports an error.
 * When Graphviz cannot route an edge through the spline corridors it built ("Pshortestpath
 * failed"; the statechart renderer avoids this, see machine.ts), the same graph is laid out
 * again with orthogonal edges, which dot routes on a grid and always completes.
 */
export async function dotToSvg(dot: string): Promise<string> {
  try {
    return await renderSvg(dot);
  } catch (err) {
    if (!(err instanceof DotError) || !err.messages.some((m) => /Pshortestpath|routesplines|lost .* edge/.test(m))) throw err;
    const at = dot.indexOf('{');
    return renderSvg(`${dot.slice(0, at + 1)}\n  splines=ortho;${dot.slice(at + 1)}`);
  }
}

async function renderSvg(dot: string): Promise<string> {
  const result = (await graphviz()).render(dot, { format: 'svg' });
  const errors = result.errors.filter((e) => e.level !== 'warning').map((e) => e.message.trim());
  if (result.status !== 'success' || errors.length > 0) throw new DotError(errors.length > 0 ? errors : ['render failed']);
  // Graphviz writes the one family it laid text out in; the browser gets that family with
  // its metric-compatible fallbacks (see text-metrics.ts).
  return result.output.replaceAll(`font-family="${FONT_NAME}"`, `font-family="${FONT_FAMILY}"`);
}

/** The same SVG without the XML prolog and DOCTYPE, ready to inline in HTML. */
export async function dotToInlineSvg(dot: string): Promise<string> {
  const svg = await dotToSvg(dot);
  return svg.slice(svg.indexOf('<svg'));
}
