// Test images: the seed photos (made by Chromium's encoders) with metadata spliced in, so the tests
// can check exactly what stripping removes and keeps.
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

const seed = (file) => new Uint8Array(readFileSync(new URL(`../seed-media/${file}`, import.meta.url)));
/** 640×480 JPEG: APP0 JFIF, APP2 ICC profile, tables, one scan. */
export const JPEG = seed('tote-front.jpg');
/** 480×360 PNG: IHDR, IDAT…, IEND. */
export const PNG = seed('tote-pocket.png');
/** 480×640 WebP: VP8X, ICCP, VP8. */
export const WEBP = seed('tote-strap.webp');

const ascii = (s) => new Uint8Array(Buffer.from(s, 'latin1'));
export const concat = (...parts) => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));
const u16be = (n) => Uint8Array.of(n >> 8, n & 0xff);
const u32be = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u32le = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** Whether `needle` (a string or bytes) occurs in `haystack`. */
export const contains = (haystack, needle) =>
  Buffer.from(haystack).indexOf(typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle)) >= 0;

/** The words the spliced metadata carries; none may survive stripping. */
export const SECRETS = [
  'GPS-SECRET-PLACE',
  'KithCam Secret Model',
  'photoshop:City',
  'iptc-secret-caption',
  'secret comment',
  'tEXt secret',
  'after-the-end',
];

/**
 * A big-endian TIFF block: IFD0 with Orientation, Make and a GPS IFD pointer; the GPS IFD with a
 * latitude and a map datum string (the text tests look for).
 */
export function exifTiff(orientation) {
  const make = ascii('KithCam Secret Model\0');
  const datum = ascii('GPS-SECRET-PLACE\0');
  const ifd0At = 8;
  const ifd0Size = 2 + 3 * 12 + 4;
  const makeAt = ifd0At + ifd0Size;
  const gpsAt = makeAt + make.length;
  const gpsSize = 2 + 3 * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const datumAt = latAt + 24;
  const entry = (tag, type, count, value) => concat(u16be(tag), u16be(type), u32be(count), value);
  return concat(
    ascii('MM'),
    u16be(42),
    u32be(ifd0At),
    u16be(3),
    entry(0x010f, 2, make.length, u32be(makeAt)),
    entry(0x0112, 3, 1, concat(u16be(orientation), u16be(0))),
    entry(0x8825, 4, 1, u32be(gpsAt)),
    u32be(0),
    make,
    u16be(3),
    entry(0x0001, 2, 2, ascii('N\0\0\0')),
    entry(0x0002, 5, 3, u32be(latAt)),
    entry(0x0012, 2, datum.length, u32be(datumAt)),
    u32be(0),
    u32be(52),
    u32be(1),
    u32be(31),
    u32be(1),
    u32be(1234),
    u32be(100),
    datum,
  );
}

const segment = (marker, payload) => concat(Uint8Array.of(0xff, marker), u16be(payload.length + 2), payload);

/**
 * The JPEG with an Exif APP1 (orientation, camera, GPS) right after SOI, an XMP APP1, an APP13
 * (IPTC), a COM and bytes after the end-of-image marker, as phones and editors write them.
 */
export function jpegWithMetadata(orientation = 6, base = JPEG) {
  return concat(
    base.subarray(0, 2),
    segment(0xe1, concat(ascii('Exif\0\0'), exifTiff(orientation))),
    segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><photoshop:City>Here</photoshop:City></x:xmpmeta>')),
    segment(0xed, ascii('Photoshop 3.0\0iptc-secret-caption')),
    segment(0xfe, ascii('secret comment')),
    base.subarray(2),
    ascii('after-the-end'),
  );
}

const chunk = (type, data) => concat(u32be(data.length), ascii(type), data, u32be(crc32(concat(ascii(type), data))));

/** The PNG with eXIf, tEXt, iTXt, zTXt and tIME chunks before its image data, and bytes after IEND. */
export function pngWithMetadata(base = PNG) {
  const afterIhdr = 8 + 12 + 13;
  return concat(
    base.subarray(0, afterIhdr),
    chunk('eXIf', exifTiff(1)),
    chunk('tEXt', ascii('Comment\0tEXt secret')),
    chunk('iTXt', ascii('XML:com.adobe.xmp\0\0\0\0\0<photoshop:City>Here</photoshop:City>')),
    chunk('zTXt', ascii('Author\0\0x\u009csecret comment')),
    chunk('tIME', Uint8Array.of(7, 234, 11, 22, 12, 0, 0)),
    base.subarray(afterIhdr),
    ascii('after-the-end'),
  );
}

/** A PNG header claiming `width`×`height` (enough for the sniffer; no pixels). */
export function pngHeader(width, height) {
  return concat(
    PNG.subarray(0, 8),
    chunk('IHDR', concat(u32be(width), u32be(height), Uint8Array.of(8, 6, 0, 0, 0))),
    chunk('IEND', new Uint8Array()),
  );
}

const riffChunk = (type, data) =>
  concat(ascii(type), u32le(data.length), data, data.length % 2 ? Uint8Array.of(0) : new Uint8Array());

/** The WebP with EXIF and XMP chunks (odd-sized, so padded) and their VP8X flags set. */
export function webpWithMetadata(base = WEBP) {
  const chunks = [];
  for (let i = 12; i < base.length;) {
    const size = Buffer.from(base).readUInt32LE(i + 4);
    chunks.push(base.slice(i, i + 8 + size + (size & 1)));
    i += 8 + size + (size & 1);
  }
  const [vp8x, ...rest] = chunks;
  vp8x[8] |= 0x08 | 0x04;
  const body = concat(
    vp8x,
    ...rest,
    riffChunk('EXIF', exifTiff(1)),
    riffChunk('XMP ', ascii('<photoshop:City>Here</photoshop:City>x')),
  );
  return concat(ascii('RIFF'), u32le(body.length + 4), ascii('WEBP'), body);
}

/** RIFF chunk types of a WebP, in order. */
export function webpChunks(b) {
  const types = [];
  for (let i = 12; i + 8 <= b.length;) {
    const size = Buffer.from(b).readUInt32LE(i + 4);
    types.push(Buffer.from(b.subarray(i, i + 4)).toString('latin1'));
    i += 8 + size + (size & 1);
  }
  return types;
}

/** PNG chunk types, in order. */
export function pngChunks(b) {
  const types = [];
  for (let i = 8; i + 12 <= b.length;) {
    types.push(Buffer.from(b.subarray(i + 4, i + 8)).toString('latin1'));
    i += 12 + Buffer.from(b).readUInt32BE(i);
  }
  return types;
}

/** JPEG markers up to the first scan, as hex strings. */
export function jpegMarkers(b) {
  const markers = [];
  for (let i = 2; i + 4 <= b.length;) {
    const m = b[i + 1];
    markers.push(m.toString(16));
    if (m === 0xda) break;
    i += 2 + ((b[i + 2] << 8) | b[i + 3]);
  }
  return markers;
}

// ── Payloads hidden where decoders look, for the hardening tests ─────────────────────────────

/** The real ICC profile the seed JPEG carries (456 bytes, sRGB-like, 9 tags). */
export const ICC = JPEG.slice(2 + 18 + 4 + 14, 2 + 18 + 4 + 14 + 456);

/** A marker string per hiding place; none may survive stripping. */
export const payload = (where) => ascii(`PAYLOAD<${where}>`);

/** An ICC APP2 chunk: `ICC_PROFILE\0`, sequence number, count, bytes. */
export const iccApp2 = (seq, count, bytes) =>
  segment(0xe2, concat(ascii('ICC_PROFILE\0'), Uint8Array.of(seq, count), bytes));

/**
 * The seed JPEG with its APP0 and ICC APP2 replaced by `head` (segments placed after SOI), and
 * `beforeFrame` segments placed before its first DQT.
 */
export function jpegWith(head, beforeFrame = []) {
  const afterIcc = 2 + 18 + 474;
  return concat(JPEG.subarray(0, 2), ...head, ...beforeFrame, JPEG.subarray(afterIcc));
}

/** A JFIF APP0 with a thumbnail of `thumb` bytes (1×n RGB pixels). */
export const jfifWithThumbnail = (thumb) =>
  segment(0xe0, concat(ascii('JFIF\0'), Uint8Array.of(1, 2, 1, 0, 72, 0, 72, thumb.length / 3, 1), thumb));

export { chunk as pngChunk, riffChunk, segment as jpegSegment };

/** The seed PNG with `chunks` after IHDR. */
export const pngWith = (...chunks) => concat(PNG.subarray(0, 33), ...chunks, PNG.subarray(33));

/** A WebP from its chunks, with the right RIFF size. */
export const webpOf = (...chunks) => {
  const body = concat(...chunks);
  return concat(ascii('RIFF'), u32le(body.length + 4), ascii('WEBP'), body);
};

/** The seed WebP's chunks (VP8X, ICCP, VP8) as whole chunks, pad bytes included. */
export function webpParts(base = WEBP) {
  const parts = {};
  for (let i = 12; i < base.length;) {
    const size = Buffer.from(base).readUInt32LE(i + 4);
    parts[Buffer.from(base.subarray(i, i + 4)).toString('latin1')] = base.slice(i, i + 8 + size + (size & 1));
    i += 8 + size + (size & 1);
  }
  return parts;
}
