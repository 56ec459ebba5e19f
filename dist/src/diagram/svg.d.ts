export declare class DotError extends Error {
    readonly messages: string[];
    constructor(messages: string[]);
}
/** Renders DOT to an SVG document string; throws DotError when Graphviz reports an error. */
export declare function dotToSvg(dot: string): Promise<string>;
/** The same SVG without the XML prolog and DOCTYPE, ready to inline in HTML. */
export declare function dotToInlineSvg(dot: string): Promise<string>;
