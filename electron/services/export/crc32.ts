/**
 * CRC-32 as ZIP (and gzip, PNG) define it: reflected polynomial 0xEDB88320, initial value and
 * final XOR 0xFFFFFFFF. Table-driven, one byte at a time: an NPZ of a few megabytes takes a few
 * milliseconds, so the slicing-by-8 variants are not worth their code.
 */

const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * @param bytes the data
 * @param previous the CRC of the data before `bytes`, to checksum in pieces (0 to start)
 * @returns the CRC-32 as an unsigned 32-bit integer (`crc32('123456789') = 0xCBF43926`)
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
