import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UserError } from './user-error.ts';
import { paxosHeader, toText, validTrace } from './arbitraries.ts';
import { fastEvent } from './fast-event.ts';
import { readTraceText, type TraceItem } from './reader.ts';
import { traceEvent } from './trace.ts';

async function read(text: string): Promise<TraceItem[]> {
  const out: TraceItem[] = [];
  for await (const item of readTraceText(text, 't.jsonl')) out.push(item);
  return out;
}

/** The UserError a malformed text produces; fails the test if anything else happens. */
async function rejection(text: string): Promise<UserError> {
  try {
    await read(text);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw new Error(`non-user error escaped: ${String(err)}`);
  }
  throw new Error('malformed trace was accepted');
}

const lines = (text: string) => text.split('\n').slice(0, -1);
const join = (ls: string[]) => ls.join('\n') + '\n';

describe('trace reader', () => {
  it('accepts every valid trace, with 1-based line numbers', async () => {
    await fc.assert(fc.asyncProperty(validTrace, async (t) => {
      const items = await read(toText(t));
      expect(items.map((i) => i.line)).toEqual(items.map((_, i) => i + 1));
      expect(items.slice(1).map((i) => i.kind === 'event' && i.event)).toEqual(t.events);
    }), { numRuns: 2000 });
  });

  it('names the line of a line that is not JSON', async () => {
    await fc.assert(fc.asyncProperty(validTrace, fc.nat(), fc.constantFrom('{', '{"seq":', 'nope', '{"a":1,}', '[1,2'), async (t, at, junk) => {
      const ls = lines(toText(t));
      const i = 1 + (at % (ls.length - 1));
      ls[i] = junk;
      const err = await rejection(join(ls));
      expect(err.where).toMatchObject({ file: 't.jsonl', line: i + 1 });
      expect(err.message).toMatch(/bad JSON/);
    }), { numRuns: 1500 });
  });

  it('reports a truncated last line as truncated', async () => {
    await fc.assert(fc.asyncProperty(validTrace, fc.nat(), async (t, cut) => {
      const text = toText(t);
      const ls = lines(text);
      const last = ls[ls.length - 1];
      const keep = 1 + (cut % (last.length - 1)); // strictly inside the last line
      const err = await rejection(join(ls.slice(0, -1)) + last.slice(0, keep));
      expect(err.where.line).toBe(ls.length);
      expect(err.message).toMatch(/truncated/);
    }), { numRuns: 1500 });
  });

  it('rejects seq that does not increase and ts going backwards, naming the field', async () => {
    await fc.assert(fc.asyncProperty(validTrace.filter((t) => t.events.length >= 2), fc.nat(), fc.boolean(), async (t, at, useTs) => {
      const i = 1 + (at % (t.events.length - 1));
      const events = t.events.map((e) => ({ ...e }));
      if (useTs) {
        events[i - 1].ts = 1000;
        events[i].ts = 999;
      } else events[i].seq = events[i - 1].seq;
      const err = await rejection(toText({ header: t.header, events }));
      expect(err.where).toMatchObject({ line: i + 2, field: useTs ? 'ts' : 'seq' });
    }), { numRuns: 1500 });
  });

  it('rejects a node the header does not declare', async () => {
    await fc.assert(fc.asyncProperty(validTrace, fc.nat(), async (t, at) => {
      const i = at % t.events.length;
      const events = t.events.map((e, j) => (j === i ? { ...e, node: 'stranger' } : e));
      const err = await rejection(toText({ header: t.header, events }));
      expect(err.where).toMatchObject({ line: i + 2, field: 'node' });
    }), { numRuns: 1000 });
  });

  it('names the missing or mistyped field', async () => {
    await fc.assert(fc.asyncProperty(validTrace, fc.nat(), fc.constantFrom('drop', 'string', 'negative'), async (t, at, how) => {
      const i = at % t.events.length;
      const e = { ...t.events[i] } as Record<string, unknown>;
      if (how === 'drop') delete e.seq;
      else if (how === 'string') e.seq = String(e.seq);
      else e.seq = -1;
      const events = t.events.map((x, j) => (j === i ? e : x));
      const err = await rejection(toText({ header: t.header, events: events as never }));
      expect(err.where).toMatchObject({ line: i + 2, field: 'seq' });
    }), { numRuns: 1000 });
  });

  it('rejects a trace without a header, or with a broken one', async () => {
    await fc.assert(fc.asyncProperty(validTrace, async (t) => {
      const noHeader = await rejection(join(lines(toText(t)).slice(1)));
      expect(noHeader.where.line).toBe(1);
      expect(noHeader.message).toMatch(/missing header/);
      const broken = { ...paxosHeader, config: { ...paxosHeader.config, acceptors: [] } };
      const bad = await rejection(toText({ header: broken as never, events: t.events }));
      expect(bad.where).toMatchObject({ line: 1, field: 'config.acceptors' });
    }), { numRuns: 500 });
    expect((await rejection('')).message).toMatch(/missing header/);
  });

  it('points into nested messages', async () => {
    const text = join([JSON.stringify(paxosHeader), '{"seq":1,"node":"p1","kind":"send","to":"a1","msg":{"type":"promise","ballot":1}}']);
    expect((await rejection(text)).where).toMatchObject({ line: 2, field: 'msg.acceptedBallot' });
    const unknown = join([JSON.stringify(paxosHeader), '{"seq":1,"node":"p1","kind":"teleport"}']);
    const err = await rejection(unknown);
    expect(err.where.field).toBe('kind');
    expect(err.message).toMatch(/'send'/);
  });
});

describe('fast path', () => {
  const mutated = fc.tuple(validTrace, fc.nat(), fc.constantFrom('seq', 'ts', 'node', 'kind', 'msg', 'value', 'to', 'extra', 'tick', 'epoch'),
    fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -3, max: 3 }), fc.double(), fc.string({ maxLength: 3 }), fc.constant([]), fc.constant({})))
    .map(([t, at, key, v]) => {
      const e = { ...t.events[at % t.events.length] } as Record<string, unknown>;
      if (v === undefined) delete e[key];
      else e[key] = v;
      return e;
    });

  it('only accepts what zod accepts, and returns what zod returns', () => {
    fc.assert(fc.property(fc.oneof(validTrace.map((t) => t.events[0] as unknown), mutated), (raw) => {
      const fast = fastEvent(structuredClone(raw));
      if (fast === undefined) return;
      const zod = traceEvent.safeParse(structuredClone(raw));
      expect(zod.success).toBe(true);
      expect(fast).toEqual(zod.data);
    }), { numRuns: 3000 });
  });
});
