/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3): stored entries only (method 0, no compression), no
 * ZIP64, no data descriptors. That is all an NPZ needs — numpy.load reads stored and deflated
 * members alike — and it keeps the exporter free of dependencies.
 *
 * Layout: for each entry a local file header then its bytes; then the central directory (one
 * header per entry, pointing back at its local header); then the end-of-central-directory record.
 * All integers little-endian.
 */
import { crc32 } from './crc32';

/** One file of the archive. */
export interface ZipEntry {
  /** Path inside the archive, `/`-separated; ASCII keeps every unzip tool happy. */
  readonly name: string;
  readonly data: Uint8Array;
}

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
 * Builds a stored (uncompressed) ZIP archive.
 * @throws RangeError for duplicate or non-ASCII names, and for an archive that would need ZIP64
 *   (4 GiB or 65 535 entries)
 */
export function buildStoredZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new RangeError(`entries: expected at most ${MAX_ENTRIES}, got ${entries.length}`);
  const names = entries.map((entry) => encodeName(entry.name));
  if (new Set(entries.map((entry) => entry.name)).size !== entries.length) throw new RangeError('entries: names must be unique');

  let localSize = 0;
  let centralSize = 0;
  for (let i = 0; i < entries.length; i++) {
    localSize += LOCAL_HEADER_SIZE + names[i].length + entries[i].data.length;
    centralSize += CENTRAL_HEADER_SIZE + names[i].length;
  }
  const total = localSize + centralSize + END_RECORD_SIZE;
  if (localSize + centralSize > MAX_UINT32) throw new RangeError(`archive: ${total} bytes would need ZIP64, which this writer does not produce`);

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  const crcs: number[] = [];
  let at = 0;
  for (let i = 0; i < entries.length; i++) {
    const { data } = entries[i];
    const crc = crc32(data);
    offsets.push(at);
    crcs.push(crc);
    view.setUint32(at, LOCAL_HEADER_SIGNATURE, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, 0, true); // flags: no encryption, no data descriptor
    view.setUint16(at + 8, 0, true); // method: stored
    view.setUint16(at + 10, DOS_TIME, true);
    view.setUint16(at + 12, DOS_DATE, true);
    view.setUint32(at + 14, crc, true);
    view.setUint32(at + 18, data.length, true); // compressed size = size when stored
    view.setUint32(at + 22, data.length, true);
    view.setUint16(at + 26, names[i].length, true);
    view.setUint16(at + 28, 0, true); // no extra field
    out.set(names[i], at + LOCAL_HEADER_SIZE);
    out.set(data, at + LOCAL_HEADER_SIZE + names[i].length);
    at += LOCAL_HEADER_SIZE + names[i].length + data.length;
  }

  const centralStart = at;
  for (let i = 0; i < entries.length; i++) {
    const size = entries[i].data.length;
    view.setUint32(at, CENTRAL_HEADER_SIGNATURE, true);
    view.setUint16(at + 4, MADE_BY, true);
    view.setUint16(at + 6, VERSION, true);
    view.setUint16(at + 8, 0, true);
    view.setUint16(at + 10, 0, true);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, crcs[i], true);
    view.setUint32(at + 20, size, true);
    view.setUint32(at + 24, size, true);
    view.setUint16(at + 28, names[i].length, true);
    view.setUint16(at + 30, 0, true); // extra field length
    view.setUint16(at + 32, 0, true); // comment length
    view.setUint16(at + 34, 0, true); // disk number
    view.setUint16(at + 36, 0, true); // internal attributes
    view.setUint32(at + 38, REGULAR_FILE_0644, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + CENTRAL_HEADER_SIZE);
    at += CENTRAL_HEADER_SIZE + names[i].length;
  }

  view.setUint32(at, END_OF_CENTRAL_DIRECTORY_SIGNATURE, true);
  view.setUint16(at + 4, 0, true); // this disk
  view.setUint16(at + 6, 0, true); // disk where the central directory starts
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  view.setUint16(at + 20, 0, true); // comment length
  return out;
}

function encodeName(name: string): Uint8Array {
  if (name.length === 0 || !/^[\x20-\x7e]+$/.test(name)) {
    throw new RangeError(`entry name: expected printable ASCII, got ${JSON.stringify(name)}`);
  }
  return Uint8Array.from(name, (char) => char.charCodeAt(0));
}
