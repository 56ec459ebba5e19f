/**
 * DOT -> SVG through Graphviz compiled to WebAssembly (@viz-js/viz): no system
 * binary. The WebAssembly instance is created once and reused.
 */
import { instance } from '@viz-js/viz';
let viz;
function graphviz() {
    viz ??= instance();
    return viz;
}
export class DotError extends Error {
    messages;
    constructor(messages) {
        super(`Graphviz rejected the diagram: ${messages.join('; ')}`);
        this.messages = messages;
        this.name = 'DotError';
    }
}
/** Renders DOT to an SVG document string; throws DotError when Graphviz reports an error. */
export async function dotToSvg(dot) {
    const result = (await graphviz()).render(dot, { format: 'svg' });
    const errors = result.errors.filter((e) => e.level !== 'warning').map((e) => e.message.trim());
    if (result.status !== 'success' || errors.length > 0)
        throw new DotError(errors.length > 0 ? errors : ['render failed']);
    return result.output;
}
/** The same SVG without the XML prolog and DOCTYPE, ready to inline in HTML. */
export async function dotToInlineSvg(dot) {
    const svg = await dotToSvg(dot);
    return svg.slice(svg.indexOf('<svg'));
}
