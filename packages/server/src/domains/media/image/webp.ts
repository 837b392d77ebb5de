import { ascii, concat, MalformedImage, u32le } from './bytes.js';
import { parseIcc } from './icc.js';
import type { Stripped } from './index.js';

/** Image data and alpha; EXIF, XMP and unknown chunks go. VP8X, ANIM, ANMF and ICCP are rebuilt below. */
const KEEP = new Set(['VP8 ', 'VP8L', 'ALPH']);
/** What an animation frame may hold besides its 16-byte header. */
const FRAME_KEEP = new Set(['VP8 ', 'VP8L', 'ALPH']);
const ICC_FLAG = 0x20;
/** VP8X flags a decoder reads: animation, alpha, ICC. EXIF (0x08), XMP (0x04) and reserved bits are cleared. */
const KNOWN_FLAGS = 0x02 | 0x10 | ICC_FLAG;

const le32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);

/** A chunk with its header and its pad byte (0) when the size is odd. */
function riff(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(8 + data.length + (data.length & 1));
  chunk.set(new TextEncoder().encode(type));
  chunk.set(le32(data.length), 4);
  chunk.set(data, 8);
  return chunk;
}

/** The chunks of a RIFF body, each as its type and data (the pad byte skipped). */
function* chunks(b: Uint8Array, from: number, end: number): Generator<{ type: string; data: Uint8Array }> {
  for (let i = from; i < end;) {
    if (i + 8 > end) throw new MalformedImage('WebP chunk cut short');
    const type = ascii(b, i, 4);
    const size = u32le(b, i + 4);
    if (i + 8 + size > end) throw new MalformedImage(`WebP ${type} chunk longer than the file`);
    yield { type, data: b.subarray(i + 8, i + 8 + size) };
    i += 8 + size + (size & 1);
  }
}

/**
 * Copies a WebP with only the chunks that shape the picture, each rewritten from its parts: the
 * VP8X header with only the flags that apply, animation frames with only their image data, an ICC
 * profile only if it parses as one (rebuilt from it), and the new RIFF size.
 */
export function stripWebp(b: Uint8Array): Stripped {
  if (b.length < 12 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP')
    throw new MalformedImage('WebP without a RIFF header');
  const riffEnd = Math.min(b.length, 8 + u32le(b, 4));
  const out: Uint8Array[] = [];
  let vp8x: Uint8Array | undefined;
  let icc = false;
  for (const { type, data } of chunks(b, 12, riffEnd)) {
    if (type === 'VP8X') {
      if (data.length < 10 || vp8x) throw new MalformedImage('WebP VP8X chunk too short or repeated');
      vp8x = new Uint8Array(10);
      vp8x[0] = data[0]! & KNOWN_FLAGS;
      vp8x.set(data.subarray(4, 10), 4); // canvas width and height − 1, 24 bits each
      out.push(vp8x);
    } else if (type === 'ICCP') {
      const profile = icc ? undefined : parseIcc(data);
      if (profile) {
        out.push(riff(type, profile));
        icc = true;
      }
    } else if (type === 'ANMF') {
      if (data.length < 16) throw new MalformedImage('WebP ANMF chunk too short');
      const kept = [...chunks(data, 16, data.length)]
        .filter((c) => FRAME_KEEP.has(c.type))
        .map((c) => riff(c.type, c.data));
      out.push(riff(type, concat([data.subarray(0, 16), ...kept])));
    } else if (type === 'ANIM') {
      if (data.length < 6) throw new MalformedImage('WebP ANIM chunk too short');
      out.push(riff(type, data.subarray(0, 6))); // background colour and loop count
    } else if (KEEP.has(type)) out.push(riff(type, data));
  }
  if (vp8x) {
    if (!icc) vp8x[0] = vp8x[0]! & ~ICC_FLAG;
    out[out.indexOf(vp8x)] = riff('VP8X', vp8x);
  }
  const body = concat(out);
  return { bytes: concat([b.subarray(0, 4), le32(body.length + 4), b.subarray(8, 12), body]), orientation: 1 };
}
