/** The CRC-32 of the article's hash balancer, checked against the IEEE check value. */
import { describe, expect, it } from 'vitest';
import { IEEE_TABLE, crc32, crc32WithTable } from './crc32.ts';

describe('CRC-32 as the article computes it', () => {
  it('gives the IEEE check value 0xCBF43926 for "123456789"', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });
  it('has the IEEE table: entry 1 is 0x77073096 and entry 255 is 0x2D02EF8D', () => {
    expect(IEEE_TABLE[1]).toBe(0x77073096);
    expect(IEEE_TABLE[255]).toBe(0x2d02ef8d);
  });
  it('a table with one wrong entry gives another checksum (the check catches a misprint)', () => {
    const used: number[] = [];
    crc32WithTable(new Proxy(Array.from(IEEE_TABLE), { get: (t, k) => { if (typeof k === 'string' && /^\d+$/.test(k)) used.push(Number(k)); return Reflect.get(t, k); } }), '123456789');
    const misprinted = Array.from(IEEE_TABLE);
    misprinted[used[0]] ^= 0x100;
    expect(crc32WithTable(misprinted, '123456789')).not.toBe(0xcbf43926);
  });
});
