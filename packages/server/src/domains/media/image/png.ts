import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { ascii, concat, MalformedImage, u32be } from './bytes.js';
import { parseIcc } from './icc.js';
import type { Stripped } from './index.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Chunks that shape the picture as browsers draw it: critical ones, colour (with the data lengths
 * the spec fixes), transparency, pixel size and animation (APNG); `undefined` where the length
 * varies. Everything else goes, which takes eXIf, tEXt, iTXt, zTXt, tIME, sPLT, bKGD, hIST and
 * private chunks with it: nobody can vouch for their contents and no browser draws them.
 */
const KEEP = new Map<string, ((n: number) => boolean) | undefined>([
  ['IHDR', (n) => n === 13],
  ['PLTE', undefined],
  ['IDAT', undefined],
  ['IEND', (n) => n === 0],
  ['tRNS', (n) => n <= 256],
  ['gAMA', (n) => n === 4],
  ['cHRM', (n) => n === 32],
  ['sRGB', (n) => n === 1],
  ['sBIT', (n) => n >= 1 && n <= 4],
  ['cICP', (n) => n === 4],
  ['mDCV', (n) => n === 24],
  ['cLLI', (n) => n === 8],
  ['mDCv', (n) => n === 24],
  ['cLLi', (n) => n === 8],
  ['pHYs', (n) => n === 9],
  ['acTL', (n) => n === 8],
  ['fcTL', (n) => n === 26],
  ['fdAT', undefined],
]);
/** An inflated profile larger than this is not a photo's profile (a zip bomb, more likely). */
const MAX_ICC = 4 * 1024 * 1024;

/**
 * Copies a PNG with only the chunks that shape the picture and nothing after IEND. Each kept chunk
 * gets a freshly computed CRC (the stored one is 4 bytes anyone could fill); an `iCCP` profile is
 * kept only if it inflates to a valid profile, and is written back compressed under a fixed name.
 */
export function stripPng(b: Uint8Array): Stripped {
  if (b.length < 8 || SIGNATURE.some((v, k) => b[k] !== v)) throw new MalformedImage('PNG without its signature');
  const out: Uint8Array[] = [b.subarray(0, 8)];
  let i = 8;
  while (i < b.length) {
    if (i + 12 > b.length) throw new MalformedImage('PNG chunk cut short');
    const type = ascii(b, i + 4, 4);
    const length = u32be(b, i);
    const end = i + 12 + length;
    if (end > b.length) throw new MalformedImage(`PNG ${type} chunk longer than the file`);
    const data = b.subarray(i + 8, i + 8 + length);
    if (type === 'iCCP') {
      const icc = iccOf(data);
      if (icc) out.push(chunk(type, concat([new TextEncoder().encode('ICC Profile\0\0'), deflateSync(icc)])));
    } else if (KEEP.has(type)) {
      const lengthOk = KEEP.get(type);
      if (!lengthOk || lengthOk(length)) out.push(chunk(type, data));
      else if (type === 'IHDR' || type === 'IEND') throw new MalformedImage(`PNG ${type} chunk of the wrong length`);
    }
    i = end;
    if (type === 'IEND') break;
  }
  return { bytes: concat(out), orientation: 1 };
}

/** `iCCP`: a name (1–79 bytes), a NUL, compression method 0, then the zlib-compressed profile. */
function iccOf(data: Uint8Array): Uint8Array | undefined {
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79 || data[nul + 1] !== 0) return undefined;
  try {
    return parseIcc(new Uint8Array(inflateSync(data.subarray(nul + 2), { maxOutputLength: MAX_ICC })));
  } catch {
    return undefined; // not zlib, or larger than any profile
  }
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(new TextEncoder().encode(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat([head.subarray(4), data])));
  return concat([head, data, crc]);
}
