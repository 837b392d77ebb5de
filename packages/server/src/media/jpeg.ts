import { ascii, concat, MalformedImage, u16be } from './bytes.js';
import { orientationSegment, readOrientation } from './exif.js';
import type { Stripped } from './index.js';

const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const SOS = 0xda;
const EOI = 0xd9;
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;
const isApp = (m: number) => m >= 0xe0 && m <= 0xef;

/**
 * Copies a JPEG without its metadata. Application segments are kept only where decoding needs
 * them (APP0 JFIF, APP2 ICC profile, APP14 Adobe colour transform), so APP1 (Exif, XMP), APP13
 * (Photoshop/IPTC), COM and vendor segments go, as does anything after the end-of-image marker
 * (where phones append extra pictures with their own Exif). When the Exif said the picture is
 * rotated, a minimal Exif with only the Orientation tag is written back so it still shows upright.
 */
export function stripJpeg(b: Uint8Array): Stripped {
  if (b[0] !== 0xff || b[1] !== 0xd8) throw new MalformedImage('JPEG without a start-of-image marker');
  const out: Uint8Array[] = [b.subarray(0, 2)];
  let orientation = 1;
  let exifSeen = false;
  let exifAt = 1; // index in `out` where the new Exif goes: after SOI, or after a leading JFIF APP0
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff || i + 1 >= b.length) throw new MalformedImage(`JPEG marker expected at byte ${i}`);
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === EOI) {
      out.push(b.subarray(i, i + 2));
      break;
    }
    if (marker === 0x01 || isRst(marker)) {
      out.push(b.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > b.length) throw new MalformedImage('JPEG segment cut short');
    const end = i + 2 + u16be(b, i + 2);
    if (end > b.length || end < i + 4) throw new MalformedImage('JPEG segment length out of range');
    if (marker === 0xe1 && !exifSeen && ascii(b, i + 4, 6) === 'Exif\0\0') {
      exifSeen = true;
      orientation = readOrientation(b.subarray(i + 10, end));
    }
    if (!isApp(marker) && marker !== 0xfe) out.push(b.subarray(i, end));
    else if (marker === APP0 || marker === APP14 || (marker === APP2 && ascii(b, i + 4, 12) === 'ICC_PROFILE\0')) {
      out.push(b.subarray(i, end));
      if (marker === APP0 && out.length === 2) exifAt = 2;
    }
    i = end;
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker: 0xFF followed by neither a stuffed 0x00, a
      // restart marker nor another 0xFF (fill).
      let j = i;
      while (j + 1 < b.length && !(b[j] === 0xff && b[j + 1] !== 0x00 && b[j + 1] !== 0xff && !isRst(b[j + 1]!))) j++;
      if (j + 1 >= b.length) j = b.length; // no end-of-image marker: keep the data we have
      out.push(b.subarray(i, j));
      i = j;
    }
  }
  if (orientation !== 1) out.splice(exifAt, 0, orientationSegment(orientation));
  return { bytes: concat(out), orientation };
}
