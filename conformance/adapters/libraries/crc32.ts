/**
 * CRC-32 as the source article's hash balancer computes it: a 256-entry lookup table,
 * crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8) over the key's UTF-8 bytes, starting
 * from and finally XORed with 0xFFFFFFFF. `IEEE_TABLE` is the table of the reflected IEEE
 * polynomial 0xEDB88320 (check value: CRC-32("123456789") = 0xCBF43926). The article's
 * table as printed was not found anywhere this kit could look, so only the correct table
 * is offered; a printed table can be passed to crc32WithTable when one is at hand.
 */
export function crcTable(polynomial: number): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (polynomial ^ (c >>> 1)) >>> 0 : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

export const IEEE_TABLE = crcTable(0xedb88320);

export function crc32WithTable(table: ArrayLike<number>, text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = (table[(crc ^ byte) & 0xff] ^ (crc >>> 8)) >>> 0;
  return (crc ^ 0xffffffff) >>> 0;
}

export const crc32 = (text: string): number => crc32WithTable(IEEE_TABLE, text);
