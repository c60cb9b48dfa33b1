/** Small OLE compound files (the container of .xls, .doc, encrypted .xlsx and VBA projects), for test fixtures. */

/**
 * A small OLE compound file (version 3, 512-byte sectors): one FAT sector, one directory sector and
 * the streams, each at least 4096 bytes so that it lives in ordinary sectors.
 */
export function oleFile(streams: readonly { name: string; data: Buffer }[]): Buffer {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const sorted = [...streams].sort((a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  const bodies = sorted.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const body = Buffer.alloc(size);
    s.data.copy(body);
    return body;
  });
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  let next = 2;
  const starts: number[] = [];
  for (const body of bodies) {
    const n = body.length / SECTOR;
    starts.push(next);
    for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? END : next + i + 1, (next + i) * 4);
    next += n;
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(1, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END, 60);
  header.writeUInt32LE(END, 68);
  header.writeUInt32LE(0, 76);
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);
  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, right: number, child: number, start: number, size: number) => {
    const p = i * 128;
    dir.write(name, p, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, p + 64);
    dir[p + 66] = type;
    dir[p + 67] = 1;
    dir.writeUInt32LE(FREE, p + 68);
    dir.writeUInt32LE(right, p + 72);
    dir.writeUInt32LE(child, p + 76);
    dir.writeUInt32LE(start, p + 116);
    dir.writeUInt32LE(size, p + 120);
  };
  entry(0, 'Root Entry', 5, FREE, sorted.length > 0 ? 1 : FREE, END, 0);
  sorted.forEach((s, i) => entry(i + 1, s.name, 2, i + 1 < sorted.length ? i + 2 : FREE, FREE, starts[i]!, bodies[i]!.length));
  for (let i = sorted.length + 1; i < 4; i++) {
    dir.writeUInt32LE(FREE, i * 128 + 68);
    dir.writeUInt32LE(FREE, i * 128 + 72);
    dir.writeUInt32LE(FREE, i * 128 + 76);
  }
  return Buffer.concat([header, fat, dir, ...bodies]);
}
