import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { UserError } from './user-error.ts';
import { paxosHeader, toText, validTrace } from './arbitraries.ts';
import { fastEvent } from './fast-event.ts';
import { traceHeader } from './header.ts';
import { MAX_DEPTH, tooDeep } from './parse-line.ts';
import { readTraceFile, readTraceStream, readTraceText, readTraceTextSync, type TraceItem } from './reader.ts';
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

  it('reads a trace that opens with a UTF-8 byte order mark as the same 1 header and 3 events, streamed or not', async () => {
    const header = JSON.stringify(traceHeader('paxos', { acceptors: ['a1'], proposers: ['p1'], learners: [], values: ['v'] }, { name: 't' }));
    const events = [
      { seq: 1, node: 'p1', kind: 'send', to: ['a1'], msg: { type: 'prepare', ballot: 1 } },
      { seq: 2, node: 'a1', kind: 'receive', from: 'p1', msg: { type: 'prepare', ballot: 1 } },
      { seq: 3, node: 'a1', kind: 'crash' },
    ];
    const text = join([header, ...events.map((e) => JSON.stringify(e))]);
    const plain = await read(text);
    expect(plain).toHaveLength(4);
    expect(await read(`\uFEFF${text}`)).toEqual(plain);
    expect([...readTraceTextSync(`\uFEFF${text}`, 't.jsonl')]).toEqual(plain);
    // Only at the start of the file: elsewhere it is not JSON.
    expect((await rejection(join([header, `\uFEFF${JSON.stringify(events[0])}`]))).where.line).toBe(2);
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

  it('names line 2 and field kind or msg.type for a name every object inherits (constructor, toString)', async () => {
    const header = JSON.stringify(paxosHeader);
    for (const [line, field] of [
      [{ seq: 1, node: 'a1', kind: 'constructor' }, 'kind'],
      [{ seq: 1, node: 'a1', kind: 'send', to: 'a2', msg: { type: 'toString', ballot: 1 } }, 'msg.type'],
    ] as const) {
      const err = await rejection(`${header}\n${JSON.stringify(line)}\n`);
      expect(err.where).toMatchObject({ line: 2, field });
    }
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

describe('events that belong to another protocol', () => {
  const foreign = fc.constantFrom(
    { line: { node: 'a1', kind: 'role', role: 'leading', epoch: 1 }, field: 'kind', message: /a 'role' event does not belong to a paxos trace/ },
    { line: { node: 'a1', kind: 'suspect', peer: 'a2' }, field: 'kind', message: /'suspect' event/ },
    { line: { node: 'a1', kind: 'pick', request: 'r1', backend: 'b1' }, field: 'kind', message: /'pick' event/ },
    { line: { node: 'a1', kind: 'send', to: 'a2', msg: { type: 'ping', epoch: 0, zxid: 0 } }, field: 'msg.type', message: /message type 'ping' does not belong to a paxos trace/ },
    { line: { node: 'a1', kind: 'receive', from: 'a2', msg: { type: 'newEpoch', epoch: 1, zxid: 0 } }, field: 'msg.type', message: /'newEpoch'/ },
  );

  it('rejects a cluster or balancer event in a paxos trace, naming its line and field', async () => {
    await fc.assert(fc.asyncProperty(validTrace, fc.nat(), foreign, async (t, at, f) => {
      const i = at % t.events.length;
      const events = t.events.map((e, j) => (j === i ? { seq: e.seq, ...f.line } : e));
      const err = await rejection(toText({ header: t.header, events: events as never }));
      expect(err.where).toMatchObject({ line: i + 2, field: f.field });
      expect(err.message).toMatch(f.message);
    }), { numRuns: 300 });
  });

  it('rejects a paxos propose and a prepare message in a cluster trace (2 cases)', () => {
    const cluster = JSON.stringify(traceHeader('cluster', { servers: ['s1', 's2'], tickTime: 100, syncLimit: 2, clients: [] }, { name: 't' }));
    const propose = () => readTraceTextSync(join([cluster, '{"seq":1,"node":"s1","kind":"propose","value":"v"}']), 'c.jsonl');
    expect(propose).toThrow(/a 'propose' event does not belong to a cluster trace/);
    const prepare = () => readTraceTextSync(join([cluster, '{"seq":1,"node":"s1","kind":"send","to":"s2","msg":{"type":"prepare","ballot":1}}']), 'c.jsonl');
    expect(prepare).toThrow(/message type 'prepare' does not belong to a cluster trace/);
    const ok = readTraceTextSync(join([cluster, '{"seq":1,"node":"s1","kind":"send","to":"s2","msg":{"type":"ping","epoch":0,"zxid":0}}', '{"seq":2,"node":"s1","kind":"crash"}']));
    expect(ok).toHaveLength(3);
  });
});

describe('inconsistent header configurations', () => {
  const paxos = (config: Record<string, unknown>) => JSON.stringify({ ...paxosHeader, config: { ...paxosHeader.config, ...config } });
  const fieldOf = (headerLine: string) => {
    try {
      readTraceTextSync(join([headerLine]), 'h.jsonl');
    } catch (err) {
      if (err instanceof UserError) return { line: err.where.line, field: err.where.field, message: err.message };
      throw err;
    }
    return undefined;
  };

  it.each([
    ['quorums: []', { quorums: [] }, 'config.quorums', /no quorums/],
    ['a quorum naming an undeclared acceptor', { quorums: [['a1', 'a9']] }, 'config.quorums', /quorum 0 names 'a9', which is not a declared acceptor/],
    ['an empty quorum', { quorums: [['a1', 'a2'], []] }, 'config.quorums', /quorum 1 is empty/],
    ['a quorum naming one acceptor twice', { quorums: [['a1', 'a1']] }, 'config.quorums', /names 'a1' twice/],
    ['an acceptor declared twice', { acceptors: ['a1', 'a2', 'a1'] }, 'config.acceptors.2', /acceptor 'a1' is declared twice/],
    ['a proposer declared twice', { proposers: ['p1', 'p1'] }, 'config.proposers.1', /proposer 'p1'/],
  ])('%s is malformed input at line 1', (_, config, field, message) => {
    expect(fieldOf(paxos(config))).toMatchObject({ line: 1, field, message: expect.stringMatching(message) });
  });

  it('accepts explicit quorums of declared acceptors and nodes playing two roles', () => {
    expect(fieldOf(paxos({ quorums: [['a1', 'a2'], ['a2', 'a3']], proposers: ['a1', 'p1'] }))).toBeUndefined();
  });

  it('rejects a cluster client that is also a server, and duplicate servers', () => {
    const cluster = (servers: string[], clients: string[]) => JSON.stringify(traceHeader('cluster', { servers, tickTime: 100, syncLimit: 2, clients }, { name: 't' }));
    expect(fieldOf(cluster(['s1', 's2'], ['s2']))).toMatchObject({ field: 'config.clients.0', message: expect.stringMatching(/also declared as a server/) });
    expect(fieldOf(cluster(['s1', 's1'], []))).toMatchObject({ field: 'config.servers.1' });
    expect(fieldOf(cluster(['s1', 's2'], ['c1']))).toBeUndefined();
  });

  it('rejects a balancer backend declared twice, in the header or in a membership event', () => {
    const balancer = (ids: string[]) => JSON.stringify(traceHeader('balancer', { policy: 'round-robin', backends: ids.map((id) => ({ id, weight: 1 })) }, { name: 't' }));
    expect(fieldOf(balancer(['b1', 'b1']))).toMatchObject({ line: 1, field: 'config.backends.1' });
    const membership = () => readTraceTextSync(join([balancer(['b1', 'b2']), '{"seq":1,"node":"lb","kind":"membership","backends":[{"id":"b2"},{"id":"b2"}]}']), 'm.jsonl');
    expect(membership).toThrow(expect.objectContaining({ where: { file: 'm.jsonl', line: 2, field: 'backends.1' } }));
  });
});

describe('input that never ends', () => {
  it('bounds a line read from an endless stream without a line break (limit 10,000 bytes)', async () => {
    const endless = Readable.from((function* () { yield `${JSON.stringify(paxosHeader)}\n`; for (;;) yield 'x'.repeat(1000); })());
    const err = await (async () => {
      try {
        for await (const _ of readTraceStream(endless, 'endless', { maxLineBytes: 10_000 })) { /* read */ }
      } catch (e) {
        return e as UserError;
      }
      throw new Error('an endless line was accepted');
    })();
    expect(err).toBeInstanceOf(UserError);
    expect(err.where).toEqual({ file: 'endless', line: 2 });
    expect(err.message).toMatch(/line longer than 10000 bytes/);
  });

  it('accepts a line of exactly the limit (120 bytes) and rejects one byte more, naming line 3', async () => {
    const header = JSON.stringify({ ...paxosHeader, description: undefined });
    const event = (seq: number, pad: number) => `{"seq":${seq},"node":"p1","kind":"propose","value":"x"}${' '.repeat(pad)}`;
    const base = event(2, 0).length;
    const read = async (pad: number) => {
      const items: TraceItem[] = [];
      const text = join([header, event(1, 0), event(2, pad)]);
      for await (const item of readTraceStream(Readable.from([text]), 'b.jsonl', { maxLineBytes: Math.max(header.length, 120) })) items.push(item);
      return items;
    };
    expect(header.length).toBeLessThanOrEqual(120 + 400); // the header line itself fits any limit used here
    const limit = Math.max(header.length, 120);
    expect(await read(limit - base)).toHaveLength(3);
    await expect(read(limit - base + 1)).rejects.toMatchObject({ where: { file: 'b.jsonl', line: 3 } });
  });

  it('refuses a FIFO by name instead of waiting for a writer', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'reader-fifo-'));
    try {
      const fifo = joinPath(dir, 'f');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const read = async () => { for await (const _ of readTraceFile(fifo)) { /* read */ } };
      await expect(read()).rejects.toThrow(/is a FIFO, not a trace file/);
      await expect((async () => { for await (const _ of readTraceFile(dir)) { /* read */ } })()).rejects.toThrow(/is a directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('JSON nesting depth', () => {
  const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it(`finds the field nested past ${MAX_DEPTH} levels, without recursion even at 200,000 levels`, () => {
    expect(tooDeep(JSON.parse(`{"a":1,"state":{"x":${nested(200_000)}}}`))).toBe('state');
    expect(tooDeep(JSON.parse(`{"state":{"x":${nested(MAX_DEPTH - 2)}}}`))).toBeUndefined();
    expect(tooDeep(JSON.parse(`{"state":{"x":${nested(MAX_DEPTH - 1)}}}`))).toBe('state');
  });

  it('rejects a deep state event and a deep header, naming line and field', () => {
    const header = JSON.stringify(paxosHeader);
    const deep = `{"seq":1,"node":"a1","kind":"state","state":{"x":${nested(5000)}}}`;
    expect(() => readTraceTextSync(join([header, deep]), 'd.jsonl')).toThrow(expect.objectContaining({ where: { file: 'd.jsonl', line: 2, field: 'state' } }));
    const deepHeader = JSON.stringify({ ...paxosHeader, producer: { name: 'x', extra: 0 } }).replace('"extra":0', `"extra":${nested(5000)}`);
    expect(() => readTraceTextSync(join([deepHeader]), 'd.jsonl')).toThrow(expect.objectContaining({ where: { file: 'd.jsonl', line: 1, field: 'producer' } }));
  });
});
