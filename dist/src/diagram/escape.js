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
export function mermaidText(s) {
    let out = '';
    for (const ch of visible(s)) {
        out += /[A-Za-z0-9 .,=()-]/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
    }
    // Leading/trailing spaces are trimmed by the parser; keep them visible as entities.
    return out.replace(/^ | $/g, '#32;');
}
/** Inverse of mermaidText, for round-trip tests and for showing decoded labels. */
export function decodeMermaidText(s) {
    return s.replace(/#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
}
/** A DOT double-quoted string: backslash and quote escaped, newlines as DOT's \n. */
export function dotString(s) {
    return `"${visible(s, true).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}
/**
 * Control characters (other than newline, when a format can show it) become their
 * Unicode "control picture" glyphs, so a stray NUL or ESC shows instead of breaking a parser.
 */
export function visible(s, keepNewlines = false) {
    return s.replace(/[\u0000-\u001f\u007f]/g, (c) => keepNewlines && c === '\n' ? c : String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}
/** Truncates long labels so one huge value cannot blow up a diagram. */
export function clip(s, max = 80) {
    const chars = [...s];
    return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
/** mermaidText, but never empty: Mermaid rejects `[""]`, so an empty label becomes a no-break space. */
export function mermaidLabel(s) {
    return s === '' ? '#160;' : mermaidText(s);
}
