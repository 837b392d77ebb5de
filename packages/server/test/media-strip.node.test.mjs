// Metadata stripping (src/domains/media/image): what goes, what stays, and that the pixels are untouched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffImage } from '@kith/core/image';
import { stripMetadata } from '@kith/server';
import { deflateSync, inflateSync } from 'node:zlib';
import {
  concat,
  contains,
  ICC,
  iccApp2,
  JPEG,
  jpegMarkers,
  jpegSegment,
  jpegWith,
  jpegWithMetadata,
  jfifWithThumbnail,
  payload,
  PNG,
  pngChunk,
  pngChunks,
  pngWith,
  pngWithMetadata,
  riffChunk,
  SECRETS,
  WEBP,
  webpChunks,
  webpOf,
  webpParts,
  webpWithMetadata,
} from './images.mjs';

const bytes = (...v) => Uint8Array.of(...v);
const segment = (marker, payload) =>
  concat(bytes(0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff), payload);
/** The 34-byte APP1 the server writes for a rotated photo. */
const orientationApp1 = (o) =>
  bytes(
    0xff,
    0xe1,
    0,
    34,
    0x45,
    0x78,
    0x69,
    0x66,
    0,
    0,
    0x4d,
    0x4d,
    0,
    0x2a,
    0,
    0,
    0,
    8,
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    o,
    0,
    0,
    0,
    0,
    0,
    0,
  );
const assertNoSecrets = (b) => {
  for (const s of SECRETS) assert.ok(!contains(b, s), `"${s}" is gone`);
};

describe('stripping JPEG metadata', () => {
  it('drops Exif (with GPS), XMP, APP13, COM and trailing bytes; keeps JFIF, ICC and the image data; writes back only the orientation', () => {
    const input = jpegWithMetadata(6);
    for (const s of SECRETS.filter((x) => !x.startsWith('tEXt')))
      assert.ok(contains(input, s), `fixture carries "${s}"`);
    const { bytes: out, orientation } = stripMetadata(input, 'image/jpeg');
    assert.equal(orientation, 6);
    assertNoSecrets(out);
    assert.ok(!contains(out, 'http://ns.adobe.com'), 'no XMP');
    assert.deepEqual(jpegMarkers(out), ['e0', 'e1', 'e2', 'db', 'db', 'c0', 'c4', 'c4', 'c4', 'c4', 'da']);
    // Exactly the original file with the minimal Exif after the JFIF segment: no pixel changed.
    const app0End = 2 + 2 + 16;
    assert.deepEqual(out, concat(JPEG.subarray(0, app0End), orientationApp1(6), JPEG.subarray(app0End)));
    assert.deepEqual(sniffImage(out), { type: 'image/jpeg', width: 640, height: 480 });
  });

  it('writes no Exif at all for an upright photo, leaving the original bytes', () => {
    const { bytes: out, orientation } = stripMetadata(jpegWithMetadata(1), 'image/jpeg');
    assert.equal(orientation, 1);
    assert.deepEqual(out, JPEG);
  });

  it('reads the orientation from little-endian Exif too', () => {
    const tiff = bytes(0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0);
    const input = concat(
      JPEG.subarray(0, 2),
      segment(0xe1, concat(new TextEncoder().encode('Exif\0\0'), tiff)),
      JPEG.subarray(2),
    );
    const { bytes: out, orientation } = stripMetadata(input, 'image/jpeg');
    assert.equal(orientation, 8);
    assert.ok(contains(out, orientationApp1(8)));
  });

  it('copies entropy-coded data with stuffed bytes and restart markers, and drops a comment between scans', () => {
    const sof = segment(0xc0, bytes(8, 0, 2, 0, 3, 1, 1, 0x11, 0));
    const sos = segment(0xda, bytes(1, 1, 0, 0, 0x3f, 0));
    const scan1 = bytes(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xff, 0x00);
    const input = concat(
      bytes(0xff, 0xd8),
      sof,
      sos,
      scan1,
      segment(0xfe, new TextEncoder().encode('secret comment')),
      sos,
      bytes(0x78),
      bytes(0xff, 0xd9),
      bytes(1, 2, 3),
    );
    const { bytes: out } = stripMetadata(input, 'image/jpeg');
    assert.deepEqual(out, concat(bytes(0xff, 0xd8), sof, sos, scan1, sos, bytes(0x78), bytes(0xff, 0xd9)));
  });

  it('refuses a segment that runs past the end of the file', () => {
    const broken = concat(JPEG.subarray(0, 20), bytes(0xff, 0xdb, 0x40, 0x00, 1, 2, 3));
    assert.throws(() => stripMetadata(broken, 'image/jpeg'), { name: 'MalformedImage' });
  });
});

describe('stripping PNG metadata', () => {
  it('drops eXIf, tEXt, iTXt, zTXt, tIME and trailing bytes, leaving the original image', () => {
    const input = pngWithMetadata();
    assert.deepEqual(pngChunks(input).slice(0, 6), ['IHDR', 'eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);
    const { bytes: out, orientation } = stripMetadata(input, 'image/png');
    assert.equal(orientation, 1);
    assert.deepEqual(pngChunks(out), ['IHDR', 'IDAT', 'IDAT', 'IDAT', 'IDAT', 'IEND']);
    assertNoSecrets(out);
    assert.deepEqual(out, PNG);
  });

  it('keeps chunks that shape the picture, drops private ones', () => {
    const chunk = (type, data) =>
      concat(bytes(0, 0, 0, data.length), new TextEncoder().encode(type), data, bytes(0, 0, 0, 0));
    const input = concat(
      PNG.subarray(0, 33),
      chunk('pHYs', bytes(0, 0, 11, 19, 0, 0, 11, 19, 1)),
      chunk('prVt', bytes(1, 2)),
      PNG.subarray(33),
    );
    assert.deepEqual(pngChunks(stripMetadata(input, 'image/png').bytes).slice(0, 3), ['IHDR', 'pHYs', 'IDAT']);
  });

  it('refuses a chunk longer than the file', () => {
    assert.throws(() => stripMetadata(PNG.subarray(0, 100), 'image/png'), { name: 'MalformedImage' });
  });
});

describe('stripping WebP metadata', () => {
  it('drops EXIF and XMP chunks, clears their VP8X flags (keeping the ICC flag) and fixes the RIFF size', () => {
    const input = webpWithMetadata();
    assert.deepEqual(webpChunks(input), ['VP8X', 'ICCP', 'VP8 ', 'EXIF', 'XMP ']);
    const { bytes: out } = stripMetadata(input, 'image/webp');
    assert.deepEqual(webpChunks(out), ['VP8X', 'ICCP', 'VP8 ']);
    assert.equal(out[20] & 0x0c, 0, 'EXIF and XMP flags cleared');
    assert.equal(out[20] & 0x20, 0x20, 'ICC flag kept');
    assert.equal(Buffer.from(out).readUInt32LE(4), out.length - 8);
    assertNoSecrets(out);
    assert.deepEqual(out, WEBP);
    assert.deepEqual(sniffImage(out), { type: 'image/webp', width: 480, height: 640 });
  });

  it('pads an odd-sized last chunk that lost its pad byte', () => {
    const vp8l = concat(new TextEncoder().encode('VP8L'), bytes(5, 0, 0, 0), bytes(0x2f, 0, 0, 0, 0));
    const input = concat(new TextEncoder().encode('RIFF'), bytes(17, 0, 0, 0), new TextEncoder().encode('WEBP'), vp8l);
    const { bytes: out } = stripMetadata(input, 'image/webp');
    assert.equal(out.length, input.length + 1);
    assert.equal(Buffer.from(out).readUInt32LE(4), out.length - 8);
  });
});

// Each hiding place a decoder does not need must come out empty: the payload's bytes are searched
// for in the output, so a copy anywhere (moved, re-chunked, left in a gap) fails.
describe('payloads hidden in segments and chunks decoders read', () => {
  const text = (s) => new TextEncoder().encode(s);
  const JFIF = JPEG.subarray(2, 20);
  const ICC_SEGMENT = JPEG.subarray(20, 20 + 474);
  /** The real profile with `extra` appended inside its declared size (bytes no tag points at) and in the header's reserved bytes. */
  const iccWithGap = (extra) => {
    const b = Buffer.concat([Buffer.from(ICC), Buffer.from(extra)]);
    b.writeUInt32BE(b.length, 0);
    b.set(payload('rsvd').subarray(0, 28), 100);
    return new Uint8Array(b);
  };
  const strip = (b, type) => stripMetadata(b, type).bytes;
  const absent = (out, ...where) => {
    for (const w of where) assert.ok(!contains(out, payload(w)), `payload in ${w} is gone`);
  };

  it('the fixtures carry their payloads, and the seed images (with a real ICC profile) come through byte for byte', () => {
    assert.equal(Buffer.from(ICC.subarray(36, 40)).toString(), 'acsp');
    assert.deepEqual(strip(JPEG, 'image/jpeg'), JPEG, 'JFIF and the ICC profile rebuilt to the same bytes');
    assert.deepEqual(strip(WEBP, 'image/webp'), WEBP);
    assert.deepEqual(strip(PNG, 'image/png'), PNG);
    assert.ok(contains(jpegWith([jfifWithThumbnail(concat(payload('thumb'), new Uint8Array(2)))]), payload('thumb')));
  });

  it('JPEG APP0: a JFIF thumbnail and a JFXX extension go; the JFIF header is rebuilt', () => {
    const thumb = concat(payload('thumb'), new Uint8Array(2)); // 15 bytes: 5 RGB pixels
    const jfxx = jpegSegment(0xe0, concat(text('JFXX\0'), Uint8Array.of(0x10), payload('jfxx')));
    const out = strip(jpegWith([jfifWithThumbnail(thumb), jfxx, ICC_SEGMENT]), 'image/jpeg');
    absent(out, 'thumb', 'jfxx');
    assert.deepEqual(
      out.subarray(2, 20),
      Uint8Array.of(0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 1, 0, 72, 0, 72, 0, 0),
    );
    assert.deepEqual(jpegMarkers(out).slice(0, 3), ['e0', 'e2', 'db']);
  });

  it('JPEG APP2: an ICC profile stays only whole and valid, without bytes past its size, in gaps or in reserved header bytes', () => {
    const trailing = strip(jpegWith([JFIF, iccApp2(1, 1, concat(ICC, payload('icc-tail')))]), 'image/jpeg');
    absent(trailing, 'icc-tail');
    assert.deepEqual(trailing, JPEG, 'the profile trimmed to its declared size');

    const gap = strip(jpegWith([JFIF, iccApp2(1, 1, iccWithGap(payload('icc-gap')))]), 'image/jpeg');
    absent(gap, 'icc-gap', 'rsvd');
    assert.ok(
      contains(gap, ICC.subarray(4, 84)) && contains(gap, ICC.subarray(128)),
      'the profile itself kept (its size now counts the zeroed gap)',
    );

    const split = strip(
      jpegWith([JFIF, iccApp2(2, 2, ICC.subarray(200)), iccApp2(1, 2, ICC.subarray(0, 200))]),
      'image/jpeg',
    );
    assert.deepEqual(split, JPEG, 'two chunks out of order: reassembled and written as one');

    const incomplete = strip(
      jpegWith([JFIF, iccApp2(1, 2, concat(ICC.subarray(0, 200), payload('icc-half')))]),
      'image/jpeg',
    );
    const notIcc = strip(
      jpegWith([JFIF, iccApp2(1, 1, concat(payload('icc-fake'), new Uint8Array(200)))]),
      'image/jpeg',
    );
    const repeated = strip(
      jpegWith([JFIF, iccApp2(1, 1, ICC), iccApp2(1, 1, concat(ICC, payload('icc-again')))]),
      'image/jpeg',
    );
    for (const out of [incomplete, notIcc, repeated]) {
      absent(out, 'icc-half', 'icc-fake', 'icc-again');
      assert.ok(!contains(out, 'ICC_PROFILE'), 'no profile at all');
      assert.deepEqual(jpegMarkers(out).slice(0, 2), ['e0', 'db']);
    }
    const other = strip(
      jpegWith([JFIF, ICC_SEGMENT, jpegSegment(0xe2, concat(text('MPF\0'), payload('mpf')))]),
      'image/jpeg',
    );
    absent(other, 'mpf');
    assert.deepEqual(other, JPEG);
  });

  it('JPEG APP14: only the Adobe colour transform is kept; other APPn and unknown segments go', () => {
    const adobe = jpegSegment(0xee, concat(text('Adobe'), Uint8Array.of(0, 101, 0x40, 0, 0, 0, 1), payload('adobe')));
    const out = strip(
      jpegWith([JFIF, ICC_SEGMENT, adobe, jpegSegment(0xe9, payload('app9')), jpegSegment(0xf0, payload('jpg0'))]),
      'image/jpeg',
    );
    absent(out, 'adobe', 'app9', 'jpg0');
    assert.deepEqual(
      out.subarray(20 + 474, 20 + 474 + 16),
      Uint8Array.of(0xff, 0xee, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, 1),
    );
  });

  it('JPEG tables with bytes after what they declare are refused (libjpeg refuses them too)', () => {
    const dqt = jpegSegment(0xdb, concat(Uint8Array.of(0), new Uint8Array(64).fill(1), payload('dqt')));
    assert.throws(() => stripMetadata(jpegWith([JFIF], [dqt]), 'image/jpeg'), { name: 'MalformedImage' });
  });

  it('PNG: iCCP stays only as a valid profile, renamed and without trailing bytes; sPLT, bKGD, hIST and bad lengths go; CRCs are recomputed', () => {
    const iccp = (name, profile) => pngChunk('iCCP', concat(name, Uint8Array.of(0, 0), deflateSync(profile)));
    const gama = Buffer.from(pngChunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f)));
    gama.set(text('P4Y!'), gama.length - 4); // a CRC anyone could fill
    const input = pngWith(
      iccp(payload('iccp-name'), concat(ICC, payload('iccp-tail'))),
      gama,
      pngChunk('cHRM', concat(new Uint8Array(32), payload('chrm'))),
      pngChunk('sPLT', concat(payload('splt'), Uint8Array.of(0, 8, 1, 2, 3, 4, 0, 1))),
      pngChunk('bKGD', payload('bkgd').subarray(0, 6)),
      pngChunk('hIST', payload('hist')),
    );
    const out = strip(input, 'image/png');
    absent(out, 'iccp-name', 'iccp-tail', 'chrm', 'splt');
    assert.ok(!contains(out, 'P4Y!') && !contains(out, payload('bkgd').subarray(0, 6)) && !contains(out, 'hIST'));
    assert.deepEqual(pngChunks(out).slice(0, 4), ['IHDR', 'iCCP', 'gAMA', 'IDAT']);
    const at = 33;
    const data = out.subarray(at + 8, at + 8 + Buffer.from(out).readUInt32BE(at));
    assert.deepEqual(data.subarray(0, 13), text('ICC Profile\0\0'));
    assert.deepEqual(
      new Uint8Array(inflateSync(data.subarray(13))),
      ICC,
      'the real profile, inflated, is the one sent',
    );

    const bogus = strip(
      pngWith(
        iccp(text('x'), concat(payload('iccp-fake'), new Uint8Array(200))),
        pngChunk('iCCP', concat(text('y\0\0'), payload('not-zlib'))),
      ),
      'image/png',
    );
    absent(bogus, 'iccp-fake', 'not-zlib');
    assert.deepEqual(bogus, PNG);
  });

  it('WebP: ICCP stays only valid and trimmed (else its VP8X flag goes); VP8X, ANIM and ANMF lose extra bytes and unknown chunks', () => {
    const { VP8X, ICCP, 'VP8 ': VP8 } = webpParts();
    const trailing = strip(webpOf(VP8X, riffChunk('ICCP', concat(ICC, payload('iccp-tail'))), VP8), 'image/webp');
    absent(trailing, 'iccp-tail');
    assert.deepEqual(trailing, WEBP);

    const fake = strip(
      webpOf(
        VP8X,
        riffChunk('ICCP', concat(payload('iccp-fake'), new Uint8Array(200))),
        VP8,
        riffChunk('PAYL', payload('unknown')),
      ),
      'image/webp',
    );
    absent(fake, 'iccp-fake', 'unknown');
    assert.deepEqual(webpChunks(fake), ['VP8X', 'VP8 ']);
    assert.equal(fake[20] & 0x20, 0, 'ICC flag cleared with the profile');

    const vp8xData = VP8X.subarray(8, 18);
    const animated = webpOf(
      riffChunk(
        'VP8X',
        concat(
          Uint8Array.of(vp8xData[0] | 0x02 | 0x01, ...payload('r').subarray(0, 3)),
          vp8xData.subarray(4),
          payload('vp8x'),
        ),
      ),
      ICCP,
      riffChunk('ANIM', concat(Uint8Array.of(0, 0, 0, 0, 0, 0), payload('anim'))),
      riffChunk('ANMF', concat(new Uint8Array(16), VP8, riffChunk('XYZW', payload('frame')))),
    );
    const out = strip(animated, 'image/webp');
    absent(out, 'vp8x', 'anim', 'frame');
    assert.deepEqual(webpChunks(out), ['VP8X', 'ICCP', 'ANIM', 'ANMF']);
    assert.deepEqual(
      out.subarray(12, 30),
      concat(text('VP8X'), Uint8Array.of(10, 0, 0, 0, vp8xData[0] | 0x02, 0, 0, 0), vp8xData.subarray(4)),
      'flags, 3 zero bytes, canvas',
    );
    assert.deepEqual(
      out.subarray(out.length - VP8.length - 16, out.length - VP8.length),
      new Uint8Array(16),
      'the frame: its header and its image only',
    );
    assert.deepEqual(out.subarray(out.length - VP8.length), VP8);
    assert.equal(Buffer.from(out).readUInt32LE(4), out.length - 8);
  });
});
