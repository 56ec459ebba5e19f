/**
 * The line a JSON value starts on, found by its path (["states", 3, "msgs", "#set", 0]).
 * An ITF trace is one JSON document, so "line and field" of a bad value needs this: the
 * parsed document has no positions. Runs only when reporting an error; a single pass with
 * an explicit stack, so a deeply nested file cannot overflow it.
 */
export function lineOfPath(text: string, path: readonly (string | number)[]): number | undefined {
  const want = path.map(String);
  // One frame per open container: is it an array, the current key or index, and whether
  // an object is waiting for a key.
  const stack: { arr: boolean; key: string; wantKey: boolean }[] = [];
  let line = 1;
  const here = () => stack.length === want.length && stack.every((f, k) => f.key === want[k]);
  const top = () => stack[stack.length - 1];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') { line++; continue; }
    if (c === ' ' || c === '\t' || c === '\r' || c === ':') continue;
    if (c === ',') {
      const f = top();
      if (f?.arr) f.key = String(Number(f.key) + 1);
      else if (f) f.wantKey = true;
      continue;
    }
    if (c === '}' || c === ']') { stack.pop(); continue; }
    const f = top();
    if (c === '"') {
      let j = i + 1;
      let s = '';
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\') { s += text[j + 1] === 'u' ? String.fromCharCode(parseInt(text.slice(j + 2, j + 6), 16)) : JSON.parse(`"\\${text[j + 1]}"`); j += text[j + 1] === 'u' ? 5 : 1; }
        else s += text[j];
      }
      if (f && !f.arr && f.wantKey) { f.key = s; f.wantKey = false; i = j; continue; }
      if (here()) return line;
      i = j;
      continue;
    }
    if (here()) return line;
    if (c === '{') { stack.push({ arr: false, key: '', wantKey: true }); continue; }
    if (c === '[') { stack.push({ arr: true, key: '0', wantKey: false }); continue; }
    // a number or literal: skip to its end
    while (i + 1 < text.length && !',}] \t\r\n'.includes(text[i + 1])) i++;
  }
  return undefined;
}
