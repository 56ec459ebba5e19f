/**
 * Splits decoded text chunks into lines exactly as node's readline does with
 * `crlfDelay: Infinity`: a line ends at "\n", "\r\n" or a lone "\r" (also when the "\r"
 * ends one chunk and the "\n" opens the next), and an unterminated last line is a line.
 * It exists for speed: readline runs a regular expression and emits an event per line,
 * which cost about as much as judging the line; this is one indexOf per line, and a
 * chunk without "\r" (nearly every one) takes the loop that looks for "\n" only.
 * The equivalence with readline is a property test (line-splitter.test.ts).
 */
const LF = 10;
const CR = 13;

export class LineSplitter {
  /** The start of a line whose end is in a later chunk. */
  private rest = '';
  /** The previous chunk ended in "\r": a "\n" opening this one ends no further line. */
  private afterCr = false;

  /** Calls `line` for each line the chunk completes. */
  push(text: string, line: (text: string) => void): void {
    let start = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    if (text.indexOf('\r', start) === -1) {
      let end = text.indexOf('\n', start);
      if (end === -1) {
        this.rest += start === 0 ? text : text.slice(start);
        return;
      }
      line(this.rest.length > 0 ? this.rest + text.slice(start, end) : text.slice(start, end));
      this.rest = '';
      start = end + 1;
      while ((end = text.indexOf('\n', start)) !== -1) {
        line(text.slice(start, end));
        start = end + 1;
      }
      this.rest = text.slice(start);
      return;
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      line(this.rest + text.slice(start, i));
      this.rest = '';
      if (c === CR) {
        if (i + 1 === text.length) this.afterCr = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
    }
    this.rest += text.slice(start);
  }

  /** At the end of input: the unterminated last line, if there is one. */
  end(line: (text: string) => void): void {
    if (this.rest.length > 0) line(this.rest);
    this.rest = '';
  }
}
