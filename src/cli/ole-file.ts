/**
 * Names of the streams and storages of an OLE compound file (a password-protected .xlsx holds
 * "EncryptionInfo" and "EncryptedPackage", an Excel 97-2003 .xls "Workbook" or "Book"). Directory
 * entries are 128-byte records at 128-byte boundaries after the header; each is recognised by its
 * UTF-16 name, its length field and its type (storage or stream).
 */
export function oleEntryNames(bytes: Uint8Array): Set<string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set<string>();
  for (let p = 512; p + 128 <= buf.length; p += 128) {
    const length = buf.readUInt16LE(p + 64);
    const type = buf[p + 66];
    if ((type !== 1 && type !== 2) || length < 4 || length > 64 || length % 2 !== 0) continue;
    if (buf.readUInt16LE(p + length - 2) !== 0) continue;
    names.add(buf.toString('utf16le', p, p + length - 2));
  }
  return names;
}
