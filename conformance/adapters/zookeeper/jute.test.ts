import { describe, expect } from 'vitest';
import { it, fc } from '@fast-check/vitest';
import { decodeConnect, decodeReplyHeader, encodeConnect, encodeExists, hexSession, Reader, splitFrames } from './jute.ts';

describe('jute framing', () => {
  it.prop([fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), fc.integer({ min: 1, max: 50 })])(
    'splitFrames recovers every frame however the stream is chunked',
    (bodies, chunk) => {
      const stream = Buffer.concat(bodies.map((b) => { const l = Buffer.alloc(4); l.writeInt32BE(b.length); return Buffer.concat([l, Buffer.from(b)]); }));
      const got: Buffer[] = [];
      let rest: Buffer = Buffer.alloc(0);
      for (let i = 0; i < stream.length; i += chunk) {
        const s = splitFrames(Buffer.concat([rest, stream.subarray(i, i + chunk)]));
        got.push(...s.frames);
        rest = s.rest;
      }
      expect(rest.length).toBe(0);
      expect(got.map((b) => [...b])).toEqual(bodies.map((b) => [...b]));
    },
  );

  it.prop([fc.integer({ min: 1, max: 1 << 30 }), fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n })])(
    'a connect request carries the timeout and session id at their offsets', (timeoutMs, sessionId) => {
      const f = encodeConnect({ timeoutMs, sessionId, passwd: Buffer.alloc(16, 7), lastZxidSeen: 5n });
      const rd = new Reader(splitFrames(f).frames[0]);
      expect([rd.int(), rd.long(), rd.int(), rd.long()]).toEqual([0, 5n, timeoutMs, sessionId]);
      expect([...rd.buffer()]).toEqual(Array(16).fill(7));
      expect(rd.bool()).toBe(false);
      // Same layout as a response minus lastZxidSeen: decodeConnect reads what a server sends.
      const resp = Buffer.concat([Buffer.from([0, 0, 0, 0]), f.subarray(16, 20), f.subarray(20, 28), f.subarray(28, 48)]);
      expect(decodeConnect(resp)).toMatchObject({ timeoutMs, sessionId });
    });

  it('encodes exists with its watch flag and decodes a reply header', () => {
    const body = splitFrames(encodeExists(7, '/a', true)).frames[0];
    expect([...body]).toEqual([0, 0, 0, 7, 0, 0, 0, 3, 0, 0, 0, 2, 0x2f, 0x61, 1]);
    const reply = Buffer.alloc(16); reply.writeInt32BE(7); reply.writeBigInt64BE(9n, 4); reply.writeInt32BE(-101, 12);
    expect(decodeReplyHeader(new Reader(reply))).toEqual({ xid: 7, zxid: 9n, err: -101 });
    expect(hexSession(-1n)).toBe('0xffffffffffffffff');
  });
});
