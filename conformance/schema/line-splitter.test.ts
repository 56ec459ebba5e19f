import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from './line-splitter.ts';

/** The oracle: readline's lines for these chunks. */
async function readlineLines(chunks: (Buffer | string)[]): Promise<string[]> {
  const out: string[] = [];
  const rl = createInterface({ input: Readable.from(chunks), crlfDelay: Infinity });
  rl.on('line', (l) => out.push(l));
  await new Promise((resolve) => rl.on('close', resolve));
  return out;
}

function splitterLines(chunks: (Buffer | string)[]): string[] {
  const out: string[] = [];
  const push = (l: string) => { out.push(l); };
  const splitter = new LineSplitter();
  const decoder = new StringDecoder('utf8');
  for (const c of chunks) splitter.push(typeof c === 'string' ? c : decoder.write(c), push);
  splitter.end(push);
  return out;
}

/** Text rich in line breaks of every kind and in multi-byte characters. */
const text = fc.array(fc.constantFrom('a', '{}', ' ', '\n', '\r', '\r\n', '\n\r', 'é', '€', '😀'), { maxLength: 40 }).map((p) => p.join(''));

/** Cuts a byte string at arbitrary offsets (through multi-byte characters too). */
const cut = (bytes: Buffer, at: number[]): Buffer[] => {
  const offsets = [...new Set(at.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const o of [...offsets, bytes.length]) { parts.push(bytes.subarray(from, o)); from = o; }
  return parts.filter((p) => p.length > 0);
};

describe('LineSplitter', () => {
  it('splits like readline (crlfDelay: Infinity) on any byte chunking', async () => {
    await fc.assert(fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (t, at) => {
      const chunks = cut(Buffer.from(t, 'utf8'), at);
      expect(splitterLines(chunks)).toEqual(await readlineLines(chunks));
    }), { numRuns: 400 });
  });

  it('splits like readline on string chunks', async () => {
    await fc.assert(fc.asyncProperty(fc.array(text, { maxLength: 5 }), async (chunks) => {
      const nonEmpty = chunks.filter((c) => c.length > 0);
      expect(splitterLines(nonEmpty)).toEqual(await readlineLines(nonEmpty));
    }), { numRuns: 200 });
  });

  it('joins "\\r" ending one chunk and "\\n" opening the next into one line break (2 lines, not 3)', () => {
    expect(splitterLines(['a\r', '\nb'])).toEqual(['a', 'b']);
    expect(splitterLines(['a\r', 'b'])).toEqual(['a', 'b']);
    expect(splitterLines(['a\n', '\nb'])).toEqual(['a', '', 'b']);
  });
});
