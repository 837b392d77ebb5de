import { ascii, u32be } from './bytes.js';

/**
 * ICC colour profiles, the one embedded blob a photo keeps: browsers use it to show the colours
 * right. A profile survives only if it parses as one; then it is rebuilt from what it declares, so
 * nothing rides along in it that a colour engine would not read.
 */

const HEADER = 128;
/** Far more than any real profile has (sRGB: 9–17, printer profiles: a few dozen). */
const MAX_TAGS = 200;

/**
 * The profile as a colour engine reads it, or undefined when `b` is not one: the header's size
 * within the bytes, the `acsp` signature, and a tag table whose entries all point inside the
 * profile, after the table. Bytes past the declared size go; so do bytes no tag points at and the
 * header's reserved bytes (zeroed, and the profile ID with them when that changed anything, since
 * the ID is a checksum of the bytes).
 */
export function parseIcc(b: Uint8Array): Uint8Array | undefined {
  if (b.length < HEADER + 4) return undefined;
  const size = u32be(b, 0);
  if (size < HEADER + 4 || size > b.length || ascii(b, 36, 4) !== 'acsp') return undefined;
  const count = u32be(b, HEADER);
  const tableEnd = HEADER + 4 + count * 12;
  if (count === 0 || count > MAX_TAGS || tableEnd > size) return undefined;
  const out = new Uint8Array(size);
  out.set(b.subarray(0, 100)); // header up to the reserved bytes (100–127 stay 0)
  out.set(b.subarray(HEADER, tableEnd), HEADER);
  for (let k = 0; k < count; k++) {
    const at = HEADER + 4 + k * 12;
    const offset = u32be(b, at + 4);
    const length = u32be(b, at + 8);
    if (length === 0 || offset < tableEnd || offset + length > size) return undefined;
    out.set(b.subarray(offset, offset + length), offset);
  }
  if (out.some((v, i) => v !== b[i])) out.fill(0, 84, 100);
  return out;
}
