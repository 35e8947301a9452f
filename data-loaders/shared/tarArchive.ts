/**
 * A minimal ustar archive writer. Framework extracts files from a loader's .tar output on demand
 * (src/data/demo.tar.ts → FileAttachment("data/demo/bars.arrow")), so one loader run can produce every dataset
 * of a snapshot with one consistent as-of time instead of one process per file.
 */
export type TarEntry = {name: string; data: Uint8Array | string};

const BLOCK = 512;
const encoder = new TextEncoder();

function writeString(header: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value);
  if (bytes.length > length) throw new RangeError(`tar: field "${value}" longer than ${length} bytes`);
  header.set(bytes, offset);
}

function writeOctal(header: Uint8Array, offset: number, length: number, value: number): void {
  writeString(header, offset, length, value.toString(8).padStart(length - 1, "0") + "\0");
}

/** The bytes of a tar archive holding the given files (regular files, mode 0644, mtime 0 for reproducible output). */
export function tarArchive(entries: TarEntry[]): Uint8Array {
  const files = entries.map(({name, data}) => ({name, bytes: typeof data === "string" ? encoder.encode(data) : data}));
  const size = files.reduce((total, f) => total + BLOCK + Math.ceil(f.bytes.length / BLOCK) * BLOCK, 2 * BLOCK);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const {name, bytes} of files) {
    if (name.length > 100) throw new RangeError(`tar: file name longer than 100 bytes: ${name}`);
    const header = out.subarray(offset, offset + BLOCK);
    writeString(header, 0, 100, name);
    writeOctal(header, 100, 8, 0o644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, bytes.length);
    writeOctal(header, 136, 12, 0);
    header.fill(0x20, 148, 156); // checksum field counts as spaces while summing
    header[156] = 0x30; // "0": regular file
    writeString(header, 257, 6, "ustar\0");
    writeString(header, 263, 2, "00");
    let checksum = 0;
    for (let i = 0; i < BLOCK; ++i) checksum += header[i];
    writeString(header, 148, 8, checksum.toString(8).padStart(6, "0") + "\0 ");
    out.set(bytes, offset + BLOCK);
    offset += BLOCK + Math.ceil(bytes.length / BLOCK) * BLOCK;
  }
  return out;
}
