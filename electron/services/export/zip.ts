/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3): stored entries only (method 0, no compression), no
 * ZIP64, no data descriptors. That is all an NPZ needs — numpy.load reads stored and deflated
 * members alike — and it keeps the exporter free of dependencies. Entry names are printable ASCII
 * (what every unzip tool reads alike).
 *
 * Layout: for each entry a local file header then its bytes; then the central directory (one
 * header per entry, pointing back at its local header); then the end-of-central-directory record.
 * All integers little-endian.
 */
import { crc32 } from './crc32';
import type { ByteSink } from './sink';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_RECORD_SIZE = 22;
/** "Version needed to extract" 2.0, what Python's zipfile writes for stored members. */
const VERSION = 20;
/** "Version made by": host 3 (Unix) so that the external attributes below mean file mode 0644. */
const MADE_BY = (3 << 8) | VERSION;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;
/**
 * Every entry is dated 1980-01-01 00:00, the earliest MS-DOS date: the archive's bytes then depend
 * on its content only, so exporting the same run twice gives the same file.
 */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Beyond these, ZIP64 records would be needed. */
const MAX_UINT32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/**
 * Writes a stored (uncompressed) ZIP archive to a sink, entry by entry; an entry's bytes may come
 * in pieces (`begin`), its CRC-32 is filled into its local header once they are all written.
 * Entries whose bytes are at hand go in with `add`. `finish` writes the central directory.
 */
export class StoredZipWriter {
  private readonly entries: { readonly name: string; readonly encoded: Uint8Array; readonly crc: number; readonly size: number; readonly offset: number }[] = [];
  private offset = 0;
  private open = false;

  constructor(private readonly sink: ByteSink) {}

  /** One entry whose bytes are all at hand. */
  async add(name: string, data: Uint8Array): Promise<void> {
    const entry = await this.begin(name, data.byteLength);
    await entry.write(data);
    await entry.end();
  }

  /**
   * Starts an entry of exactly `size` bytes, to be written in pieces, then ended.
   * @throws RangeError for a duplicate or non-ASCII name, a second entry begun before the first
   *   ended, and an archive that would need ZIP64 (4 GiB or 65 535 entries)
   */
  async begin(name: string, size: number): Promise<{ write(bytes: Uint8Array): Promise<void>; end(): Promise<void> }> {
    if (this.open) throw new RangeError(`entry ${name}: the previous entry is not ended`);
    const encoded = encodeName(name);
    if (this.entries.some((entry) => entry.name === name)) throw new RangeError('entries: names must be unique');
    if (this.entries.length >= MAX_ENTRIES) throw new RangeError(`entries: expected at most ${MAX_ENTRIES}`);
    const centralSize = this.entries.reduce((sum, entry) => sum + CENTRAL_HEADER_SIZE + entry.encoded.length, CENTRAL_HEADER_SIZE + encoded.length);
    const total = this.offset + LOCAL_HEADER_SIZE + encoded.length + size + centralSize;
    if (total > MAX_UINT32) throw new RangeError(`archive: ${total} bytes or more would need ZIP64, which this writer does not produce`);
    const headerAt = this.offset;
    // The CRC (bytes 14..17) is written as 0 and patched once the data is complete.
    await this.sink.write(localHeader(encoded, 0, size));
    this.offset += LOCAL_HEADER_SIZE + encoded.length;
    this.open = true;
    let crc = 0;
    let written = 0;
    return {
      write: async (bytes) => {
        if (written + bytes.byteLength > size) throw new RangeError(`entry ${name}: more than its ${size} bytes`);
        crc = crc32(bytes, crc);
        written += bytes.byteLength;
        this.offset += bytes.byteLength;
        await this.sink.write(bytes);
      },
      end: async () => {
        if (written !== size) throw new RangeError(`entry ${name}: ${written} bytes written, ${size} announced`);
        const crcBytes = new Uint8Array(4);
        new DataView(crcBytes.buffer).setUint32(0, crc, true);
        await this.sink.patch(headerAt + 14, crcBytes);
        this.entries.push({ name, encoded, crc, size, offset: headerAt });
        this.open = false;
      },
    };
  }

  /** The central directory and the end record; nothing may be added after. */
  async finish(): Promise<void> {
    if (this.open) throw new RangeError('the last entry is not ended');
    const centralStart = this.offset;
    for (const entry of this.entries) {
      const header = centralHeader(entry.encoded, entry.crc, entry.size, entry.offset);
      await this.sink.write(header);
      this.offset += header.length;
    }
    await this.sink.write(endRecord(this.entries.length, this.offset - centralStart, centralStart));
  }
}

function localHeader(name: Uint8Array, crc: number, size: number): Uint8Array {
  const out = new Uint8Array(LOCAL_HEADER_SIZE + name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, LOCAL_HEADER_SIGNATURE, true);
  view.setUint16(4, VERSION, true);
  view.setUint16(6, 0, true); // flags: no encryption, no data descriptor
  view.setUint16(8, 0, true); // method: stored
  view.setUint16(10, DOS_TIME, true);
  view.setUint16(12, DOS_DATE, true);
  view.setUint32(14, crc, true);
  view.setUint32(18, size, true); // compressed size = size when stored
  view.setUint32(22, size, true);
  view.setUint16(26, name.length, true);
  view.setUint16(28, 0, true); // no extra field
  out.set(name, LOCAL_HEADER_SIZE);
  return out;
}

function centralHeader(name: Uint8Array, crc: number, size: number, localOffset: number): Uint8Array {
  const out = new Uint8Array(CENTRAL_HEADER_SIZE + name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, CENTRAL_HEADER_SIGNATURE, true);
  view.setUint16(4, MADE_BY, true);
  view.setUint16(6, VERSION, true);
  view.setUint16(8, 0, true);
  view.setUint16(10, 0, true);
  view.setUint16(12, DOS_TIME, true);
  view.setUint16(14, DOS_DATE, true);
  view.setUint32(16, crc, true);
  view.setUint32(20, size, true);
  view.setUint32(24, size, true);
  view.setUint16(28, name.length, true);
  view.setUint16(30, 0, true); // extra field length
  view.setUint16(32, 0, true); // comment length
  view.setUint16(34, 0, true); // disk number
  view.setUint16(36, 0, true); // internal attributes
  view.setUint32(38, REGULAR_FILE_0644, true);
  view.setUint32(42, localOffset, true);
  out.set(name, CENTRAL_HEADER_SIZE);
  return out;
}

function endRecord(entries: number, centralSize: number, centralStart: number): Uint8Array {
  const out = new Uint8Array(END_RECORD_SIZE);
  const view = new DataView(out.buffer);
  view.setUint32(0, END_OF_CENTRAL_DIRECTORY_SIGNATURE, true);
  view.setUint16(4, 0, true); // this disk
  view.setUint16(6, 0, true); // disk where the central directory starts
  view.setUint16(8, entries, true);
  view.setUint16(10, entries, true);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, centralStart, true);
  view.setUint16(20, 0, true); // comment length
  return out;
}

function encodeName(name: string): Uint8Array {
  if (name.length === 0 || !/^[\x20-\x7e]+$/.test(name)) {
    throw new RangeError(`entry name: expected printable ASCII, got ${JSON.stringify(name)}`);
  }
  return Uint8Array.from(name, (char) => char.charCodeAt(0));
}
