/**
 * Quoting for the two text formats. Labels come from user models and traces, so they
 * may hold quotes, brackets, semicolons, newlines or any unicode; ids never do,
 * because renderers always use generated ids (s0, s1, ...) and put names in labels.
 */
/**
 * Mermaid label text: everything outside a small safe set becomes a numeric entity
 * code (`#34;`), which Mermaid decodes when it renders. This keeps `"`, `:`, `;`,
 * `#`, brackets, `<`, `>`, arrows and newlines from being read as syntax, and `_`/`*`
 * from being read as Markdown (Mermaid renders some labels as Markdown).
 */
export declare function mermaidText(s: string): string;
/** Inverse of mermaidText, for round-trip tests and for showing decoded labels. */
export declare function decodeMermaidText(s: string): string;
/** A DOT double-quoted string: backslash and quote escaped, newlines as DOT's \n. */
export declare function dotString(s: string): string;
/**
 * Control characters (other than newline, when a format can show it) become their
 * Unicode "control picture" glyphs, so a stray NUL or ESC shows instead of breaking a parser.
 */
export declare function visible(s: string, keepNewlines?: boolean): string;
/** Truncates long labels so one huge value cannot blow up a diagram. */
export declare function clip(s: string, max?: number): string;
/** mermaidText, but never empty: Mermaid rejects `[""]`, so an empty label becomes a no-break space. */
export declare function mermaidLabel(s: string): string;
