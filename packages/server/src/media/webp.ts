import { ascii, concat, MalformedImage, u32le } from './bytes.js';
import type { Stripped } from './index.js';

/** Image data, alpha, colour profile and animation; EXIF, XMP and unknown chunks go. */
const KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ICCP', 'ANIM', 'ANMF']);
const EXIF_AND_XMP_FLAGS = 0x08 | 0x04;

const le32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);

/**
 * Copies a WebP without its EXIF and XMP chunks, clearing their flags in the VP8X header and
 * writing the new RIFF size.
 */
export function stripWebp(b: Uint8Array): Stripped {
  if (b.length < 12 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') throw new MalformedImage('WebP without a RIFF header');
  const riffEnd = Math.min(b.length, 8 + u32le(b, 4));
  const chunks: Uint8Array[] = [];
  let i = 12;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) throw new MalformedImage('WebP chunk cut short');
    const type = ascii(b, i, 4);
    const size = u32le(b, i + 4);
    if (i + 8 + size > riffEnd) throw new MalformedImage(`WebP ${type} chunk longer than the file`);
    if (KEEP.has(type)) {
      // Chunks are padded to an even length; the copy always carries its pad byte.
      const chunk = new Uint8Array(8 + size + (size & 1));
      chunk.set(b.subarray(i, i + 8 + size));
      if (type === 'VP8X') chunk[8] = chunk[8]! & ~EXIF_AND_XMP_FLAGS;
      chunks.push(chunk);
    }
    i += 8 + size + (size & 1);
  }
  const body = concat(chunks);
  return { bytes: concat([b.subarray(0, 4), le32(body.length + 4), b.subarray(8, 12), body]), orientation: 1 };
}
