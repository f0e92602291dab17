/**
 * A small zip reader for the archive test (no package): the end-of-central-directory record, the
 * central directory's entries, each entry's local header and its data (stored or deflated),
 * with the CRC-32 each entry declares checked against its inflated bytes.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** name → bytes; throws on any structural error or CRC mismatch. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const rawSize = zip.readUInt32LE(at + 24);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header of ${name}`);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    const bytes = method === 0 ? Buffer.from(data) : method === 8 ? inflateRawSync(data) : null;
    if (!bytes) throw new Error(`${name}: compression method ${method}`);
    if (bytes.length !== rawSize || crc32(bytes) !== crc) throw new Error(`${name}: size or CRC mismatch`);
    files.set(name, bytes);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}
