/**
 * Reads an image's real type and pixel size from its first bytes, so neither the browser form nor
 * the server trusts a file name or a claimed MIME type. JPEG, PNG and WebP only: the formats every
 * browser shows and a review photo needs. Pure and dependency-free (browser, Node, workers).
 */
/** What the server accepts for a photo; widgets check the same limits before uploading. */
export const MEDIA_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxDimension: 6000,
  maxPerReview: 5,
  types: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

export interface SniffedImage {
  readonly type: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly width: number;
  readonly height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2);
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** Returns null for anything that is not a well-formed JPEG, PNG or WebP header. */
export function sniffImage(b: Uint8Array): SniffedImage | null {
  if (b.length < 30) return null;
  if (b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && ascii(b, 12, 4) === 'IHDR') {
    return sized('image/png', u32be(b, 16), u32be(b, 20));
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
      return sized('image/webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
    if (chunk === 'VP8L' && b[20] === 0x2f) {
      const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
      return sized('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (chunk === 'VP8X') return sized('image/webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
    return null;
  }
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegSize(b);
  return null;
}

function jpegSize(b: Uint8Array): SniffedImage | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    // Fill bytes, and markers without a length (TEM, RSTn).
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    // Start of scan before a frame header: no size to read.
    if (marker === 0xda || marker === 0xd9) return null;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sized('image/jpeg', u16be(b, i + 7), u16be(b, i + 5));
    }
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

const sized = (type: SniffedImage['type'], width: number, height: number): SniffedImage | null =>
  width > 0 && height > 0 ? { type, width, height } : null;
