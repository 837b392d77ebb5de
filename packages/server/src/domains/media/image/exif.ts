/**
 * The one Exif fact worth keeping from a photo: which way up it is. Everything else (GPS, camera
 * serials, timestamps, thumbnails) goes; see jpeg.ts.
 */

/** Orientation (tag 0x0112) from IFD0 of a TIFF structure (an Exif block after `Exif\0\0`); 1 when absent or unreadable. */
export function readOrientation(t: Uint8Array): number {
  if (t.length < 8) return 1;
  const le = t[0] === 0x49 && t[1] === 0x49;
  if (!le && !(t[0] === 0x4d && t[1] === 0x4d)) return 1;
  const u16 = (i: number) => (le ? t[i]! | (t[i + 1]! << 8) : (t[i]! << 8) | t[i + 1]!);
  const u32 = (i: number) => (le ? u16(i) + u16(i + 2) * 65536 : u16(i) * 65536 + u16(i + 2));
  if (u16(2) !== 42) return 1;
  const ifd = u32(4);
  if (ifd + 2 > t.length) return 1;
  for (let k = 0, n = u16(ifd); k < n; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > t.length) break;
    // Type 3 is SHORT; a single SHORT sits in the first two bytes of the value field.
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** A complete APP1 segment holding an Exif block with only the Orientation tag. */
export function orientationSegment(orientation: number): Uint8Array {
  // prettier-ignore
  return Uint8Array.of(
    0xff, 0xe1, 0x00, 0x22,                   // APP1, length 34 (itself included)
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00,       // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 0x08,    // big-endian TIFF, IFD0 at offset 8
    0x00, 0x01,                               // one entry
    0x01, 0x12, 0x00, 0x03, 0, 0, 0, 0x01,    // Orientation, SHORT, count 1
    0x00, orientation, 0x00, 0x00,            // its value
    0, 0, 0, 0,                               // no next IFD
  );
}

/** Orientations 5–8 turn the picture a quarter, so the displayed width is the stored height. */
export const swapsSides = (orientation: number) => orientation >= 5 && orientation <= 8;
