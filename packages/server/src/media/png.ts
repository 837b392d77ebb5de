import { ascii, concat, MalformedImage, u32be } from './bytes.js';
import type { Stripped } from './index.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Chunks that shape the picture: critical ones, colour and transparency, pixel size, animation
 * (APNG). Everything else goes, which takes eXIf, tEXt, iTXt, zTXt and tIME with it, and private
 * chunks whose contents nobody can vouch for.
 */
const KEEP = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'mDCv', 'cLLi',
  'bKGD', 'hIST', 'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT',
]);

/** Copies a PNG without its metadata chunks, and without anything after IEND. */
export function stripPng(b: Uint8Array): Stripped {
  if (b.length < 8 || SIGNATURE.some((v, k) => b[k] !== v)) throw new MalformedImage('PNG without its signature');
  const out: Uint8Array[] = [b.subarray(0, 8)];
  let i = 8;
  while (i < b.length) {
    if (i + 12 > b.length) throw new MalformedImage('PNG chunk cut short');
    const type = ascii(b, i + 4, 4);
    const end = i + 12 + u32be(b, i);
    if (end > b.length) throw new MalformedImage(`PNG ${type} chunk longer than the file`);
    if (KEEP.has(type)) out.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return { bytes: concat(out), orientation: 1 };
}
