// Node only (the build and the dev server): rewrites Pyodide's standard library zip with
// every entry stored rather than deflated. Deflated entries are already compressed, so a
// host's brotli or gzip cannot shrink the file; stored, the host compresses the whole
// archive at once and sends less (brotli finds repeats across files, deflate per entry cannot).
import { crc32, inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 3: sizes follow the data. Stored entries here always carry their sizes. */
const DATA_DESCRIPTOR_FLAG = 0x0008;

/** A zip this code cannot rewrite faithfully (ZIP64, encryption, an unknown method...). */
export class StoredZipError extends Error {
  readonly code = 'ERR_STORED_ZIP';
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset--) {
    if (zip.readUInt32LE(offset) === EOCD_SIGNATURE) return offset;
  }
  throw new StoredZipError('not a zip file: no end of central directory record');
}

/**
 * The same archive, same names, order, times and attributes, with every entry stored
 * (method 0). Each entry's CRC-32 is checked against its data.
 *
 * @example
 * writeFileSync('python_stdlib.zip', storeZipEntries(readFileSync('node_modules/pyodide/python_stdlib.zip')));
 */
export function storeZipEntries(zip: Buffer): Buffer {
  const eocd = findEndOfCentralDirectory(zip);
  const entries = zip.readUInt16LE(eocd + 10);
  let central = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || central === 0xffffffff) throw new StoredZipError('ZIP64 archives are not supported');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let written = 0;
  for (let index = 0; index < entries; index++) {
    if (zip.readUInt32LE(central) !== CENTRAL_SIGNATURE) throw new StoredZipError(`entry ${index}: bad central header`);
    const flags = zip.readUInt16LE(central + 8);
    const method = zip.readUInt16LE(central + 10);
    const crc = zip.readUInt32LE(central + 16);
    const compressedSize = zip.readUInt32LE(central + 20);
    const size = zip.readUInt32LE(central + 24);
    const nameLength = zip.readUInt16LE(central + 28);
    const extraLength = zip.readUInt16LE(central + 30);
    const commentLength = zip.readUInt16LE(central + 32);
    const localOffset = zip.readUInt32LE(central + 42);
    const name = zip.subarray(central + 46, central + 46 + nameLength);
    const comment = zip.subarray(
      central + 46 + nameLength + extraLength,
      central + 46 + nameLength + extraLength + commentLength,
    );
    if (flags & 0x0001) throw new StoredZipError(`${name}: encrypted entries are not supported`);
    if (zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw new StoredZipError(`${name}: bad local header`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === STORED) data = raw;
    else if (method === DEFLATED) data = inflateRawSync(raw);
    else throw new StoredZipError(`${name}: compression method ${method} is not supported`);
    if (data.length !== size || crc32(data) !== crc) throw new StoredZipError(`${name}: size or CRC-32 does not match`);

    const outFlags = flags & ~DATA_DESCRIPTOR_FLAG;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(10, 4); // version needed: 1.0, enough for stored data
    local.writeUInt16LE(outFlags, 6);
    local.writeUInt16LE(STORED, 8);
    zip.copy(local, 10, central + 12, central + 16); // modification time and date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameLength, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, data);

    const header = Buffer.alloc(46);
    zip.copy(header, 0, central, central + 46);
    header.writeUInt16LE(10, 6);
    header.writeUInt16LE(outFlags, 8);
    header.writeUInt16LE(STORED, 10);
    header.writeUInt32LE(size, 20);
    header.writeUInt16LE(0, 30); // extra fields dropped (they describe the old layout)
    header.writeUInt32LE(written, 42);
    centrals.push(header, name, comment);

    written += local.length + name.length + data.length;
    central += 46 + nameLength + extraLength + commentLength;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(written, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}
