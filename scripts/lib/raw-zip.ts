/**
 * A zip writer for fixtures that writes exactly what it is told: names and repeats as given (a
 * hostile book may hold "../" names or the same entry twice), fixed timestamps (2026-01-01), every
 * entry deflated, or given already deflated with the size and CRC of what it inflates to.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface Entry {
  /** The name as stored, any bytes. */
  readonly name: string;
  readonly data?: Buffer;
  /** Already deflated, with the true size and CRC of what it inflates to. */
  readonly deflated?: { readonly bytes: Buffer; readonly size: number; readonly crc: number };
}

/** A zip with fixed timestamps (2026-01-01), every entry deflated; names and repeats exactly as given. */
export function zip(entries: readonly Entry[]): Buffer {
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflated ?? { bytes: deflateRawSync(e.data!, { level: 9 }), size: e.data!.length, crc: crc32(e.data!) };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(body.crc >>> 0, 14);
    local.writeUInt32LE(body.bytes.length, 18);
    local.writeUInt32LE(body.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(body.crc >>> 0, 16);
    central.writeUInt32LE(body.bytes.length, 20);
    central.writeUInt32LE(body.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body.bytes);
    centrals.push(central, name);
    offset += local.length + name.length + body.bytes.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

