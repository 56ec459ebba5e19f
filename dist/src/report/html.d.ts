/** Escaping for text and attribute values placed into HTML or SVG markup. */
export declare function esc(s: string): string;
