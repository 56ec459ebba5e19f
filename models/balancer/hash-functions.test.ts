/** CRC-32 and MD5 against their published check values and node:crypto. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { crc32, keyHash, md5 } from './hash-functions.ts';
import { hash32 } from './primitives.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('key hash functions', () => {
  it('CRC-32 (IEEE) of "123456789" is the check value 0xCBF43926', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(bytes(''))).toBe(0);
  });

  it('MD5 matches the RFC 1321 test suite', () => {
    expect(hex(md5(bytes('')))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex(md5(bytes('abc')))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex(md5(bytes('message digest')))).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(hex(md5(bytes('12345678901234567890123456789012345678901234567890123456789012345678901234567890')))).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 200 })])('MD5 agrees with node:crypto on any text', (s) => {
    expect(hex(md5(bytes(s)))).toBe(createHash('md5').update(s, 'utf8').digest('hex'));
  });

  it('keyHash reads the first four MD5 bytes big-endian and defaults to FNV-1a + fmix32', () => {
    expect(keyHash('md5')('abc')).toBe(0x90015098);
    expect(keyHash('crc32')('123456789')).toBe(0xcbf43926);
    expect(keyHash()('k1')).toBe(hash32('k1'));
  });
});
