import { ascii, concat, MalformedImage, u16be } from './bytes.js';
import { orientationSegment, readOrientation } from './exif.js';
import { parseIcc } from './icc.js';
import type { Stripped } from './index.js';

const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const SOS = 0xda;
const EOI = 0xd9;
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;
/** Frames (SOF0–15 but DHT, JPG and DAC), tables (DHT, DAC, DQT, DRI), DNL, DHP and EXP: what a decoder reads. */
const isCodingSegment = (m: number) => (m >= 0xc0 && m <= 0xcf && m !== 0xc8) || (m >= 0xdb && m <= 0xdf);
const ICC_SIGNATURE = 'ICC_PROFILE\0';
/** An APP2 segment holds at most 65535 − 2 (length) − 14 (signature, sequence, count) profile bytes. */
const ICC_CHUNK = 65519;

/**
 * Copies a JPEG keeping only what decoding needs: the frame, tables and scans (entropy-coded data
 * as is), a JFIF APP0, an Adobe APP14 (its colour transform) and an ICC profile, the last three
 * rebuilt from the values they declare so nothing else they held survives. Exif, XMP, APP13
 * (Photoshop/IPTC), comments, vendor segments and anything after the end-of-image marker (where
 * phones append extra pictures with their own Exif) go. When the Exif said the picture is rotated,
 * a minimal Exif with only the Orientation tag is written back so it still shows upright.
 */
export function stripJpeg(b: Uint8Array): Stripped {
  if (b[0] !== 0xff || b[1] !== 0xd8) throw new MalformedImage('JPEG without a start-of-image marker');
  const out: Uint8Array[] = [b.subarray(0, 2)];
  let orientation = 1;
  let exifSeen = false;
  let exifAt = 1; // index in `out` where the new Exif goes: after SOI, or after a leading JFIF APP0
  let iccAt = -1; // index in `out` where the profile goes: where its first chunk was
  const iccChunks: Uint8Array[] = [];
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
    const payload = b.subarray(i + 4, end);
    if (isCodingSegment(marker) || marker === SOS) {
      checkLength(marker, payload);
      out.push(b.subarray(i, end));
    } else if (marker === APP0 && out.length === 1) {
      const jfif = jfifSegment(payload);
      if (jfif) {
        out.push(jfif);
        exifAt = 2;
      }
    } else if (marker === APP1 && !exifSeen && ascii(payload, 0, 6) === 'Exif\0\0') {
      exifSeen = true;
      orientation = readOrientation(payload.subarray(6));
    } else if (marker === APP2 && ascii(payload, 0, 12) === ICC_SIGNATURE) {
      if (iccAt < 0) iccAt = out.length;
      iccChunks.push(payload.subarray(12));
    } else if (marker === APP14) {
      const adobe = adobeSegment(payload);
      if (adobe) out.push(adobe);
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
  const icc = iccAt < 0 ? undefined : iccFromChunks(iccChunks);
  if (icc) out.splice(iccAt, 0, ...iccSegments(icc));
  if (orientation !== 1) out.splice(exifAt, 0, orientationSegment(orientation));
  return { bytes: concat(out), orientation };
}

/**
 * A frame, scan or table segment must be exactly as long as what it declares (as libjpeg
 * requires), so no bytes hide after its tables.
 */
function checkLength(marker: number, p: Uint8Array): void {
  let need: number;
  if (marker === 0xdb) {
    need = 0; // DQT: tables of 64 entries, 8- or 16-bit by the high nibble of their first byte
    while (need < p.length) need += 1 + 64 * ((p[need]! >> 4) + 1);
  } else if (marker === 0xc4) {
    need = 0; // DHT: class/id, 16 code-length counts, then that many symbols
    while (need < p.length) {
      if (need + 17 > p.length) throw new MalformedImage('JPEG Huffman table cut short');
      let symbols = 0;
      for (let k = 1; k <= 16; k++) symbols += p[need + k]!;
      need += 17 + symbols;
    }
  } else if (marker === 0xda) need = 4 + 2 * (p[0] ?? 0);
  else if (marker === 0xdd) need = 2;
  else if (marker === 0xdc) need = 2;
  else if (marker === 0xcc)
    need = p.length - (p.length % 2); // DAC: pairs
  else if (marker >= 0xc0 && marker <= 0xcf) need = 6 + 3 * (p[5] ?? 0);
  else return; // DHP and EXP: rare hierarchical-mode segments, kept as decoders read them
  if (need !== p.length)
    throw new MalformedImage(`JPEG segment 0x${marker.toString(16)} longer or shorter than its contents`);
}

/** APP0 rebuilt as a bare JFIF header (version, density; no thumbnail); undefined for JFXX and others. */
function jfifSegment(p: Uint8Array): Uint8Array | undefined {
  if (p.length < 14 || ascii(p, 0, 5) !== 'JFIF\0') return undefined;
  const units = p[7]! <= 2 ? p[7]! : 0;
  const x = u16be(p, 8) || 1;
  const y = u16be(p, 10) || 1;
  const minor = p[5] === 1 && p[6]! <= 2 ? p[6]! : 1;
  // prettier-ignore
  return Uint8Array.of(0xff, APP0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, minor, units, x >> 8, x & 0xff, y >> 8, y & 0xff, 0, 0);
}

/** APP14 rebuilt with only its colour transform (0 none/CMYK, 1 YCbCr, 2 YCCK), which decoders read. */
function adobeSegment(p: Uint8Array): Uint8Array | undefined {
  if (p.length < 12 || ascii(p, 0, 5) !== 'Adobe' || p[11]! > 2) return undefined;
  // prettier-ignore
  return Uint8Array.of(0xff, APP14, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, p[11]!);
}

/**
 * The profile from its APP2 chunks (each: sequence number from 1, chunk count, bytes), or
 * undefined unless they form one complete sequence holding a valid profile.
 */
function iccFromChunks(chunks: readonly Uint8Array[]): Uint8Array | undefined {
  const count = chunks[0]?.[1];
  if (!count || chunks.length !== count) return undefined;
  const ordered: Uint8Array[] = [];
  for (const c of chunks) {
    const seq = c[0]!;
    if (c.length < 2 || c[1] !== count || seq < 1 || seq > count || ordered[seq - 1]) return undefined;
    ordered[seq - 1] = c.subarray(2);
  }
  return parseIcc(concat(ordered));
}

function iccSegments(icc: Uint8Array): Uint8Array[] {
  const count = Math.ceil(icc.length / ICC_CHUNK);
  const header = new TextEncoder().encode(ICC_SIGNATURE);
  return Array.from({ length: count }, (_, k) => {
    const part = icc.subarray(k * ICC_CHUNK, (k + 1) * ICC_CHUNK);
    const length = 2 + header.length + 2 + part.length;
    return concat([Uint8Array.of(0xff, APP2, length >> 8, length & 0xff), header, Uint8Array.of(k + 1, count), part]);
  });
}
