/**
 * Why a file could not be opened as a workbook, told from its first bytes, so that browser mode can
 * say what to do about it ("Mở tệp bằng Excel rồi lưu thành .xlsx"). Only called once opening failed.
 */

export type FileProblem = 'empty' | 'legacy-xls' | 'encrypted' | 'csv' | 'damaged' | 'not-xlsx';

const ZIP = [0x50, 0x4b];
/** Excel 97-2003 workbooks and password-protected .xlsx files are OLE compound documents. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** OLE directory entries are named in UTF-16LE. */
const utf16 = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

/** Text of two or more lines cut by the same number of commas, semicolons or tabs: a CSV export. */
function looksLikeCsv(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  const lines = new TextDecoder('utf-8', { fatal: false })
    .decode(head)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 2);
  if (lines.length < 2 || /^\s*</.test(lines[0]!)) return false;
  return [',', ';', '\t'].some((sep) => {
    const counts = lines.map((l) => l.split(sep).length - 1);
    return counts[0]! > 0 && counts[0] === counts[1];
  });
}

export function fileProblem(bytes: Uint8Array, name: string): FileProblem {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, OLE)) {
    if (contains(bytes, utf16('EncryptedPackage'))) return 'encrypted';
    if (contains(bytes, utf16('Workbook')) || contains(bytes, utf16('Book'))) return 'legacy-xls';
    return /\.xls$/i.test(name) ? 'legacy-xls' : 'not-xlsx';
  }
  // A zip that did not open as a workbook: a Word or OpenDocument file, else a damaged .xlsx.
  if (startsWith(bytes, ZIP)) return contains(bytes, ascii('word/')) || contains(bytes, ascii('mimetype')) ? 'not-xlsx' : 'damaged';
  if (/\.csv$/i.test(name) || looksLikeCsv(bytes)) return 'csv';
  return 'not-xlsx';
}
