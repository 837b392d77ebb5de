// Metadata stripping (src/media): what goes, what stays, and that the pixels are untouched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffImage } from '@kith/core/image';
import { stripMetadata } from '@kith/server';
import {
  concat, contains, JPEG, jpegMarkers, jpegWithMetadata, PNG, pngChunks, pngWithMetadata, SECRETS, WEBP, webpChunks, webpWithMetadata,
} from './images.mjs';

const bytes = (...v) => Uint8Array.of(...v);
const segment = (marker, payload) => concat(bytes(0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff), payload);
/** The 34-byte APP1 the server writes for a rotated photo. */
const orientationApp1 = (o) => bytes(
  0xff, 0xe1, 0, 34, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, o, 0, 0, 0, 0, 0, 0);
const assertNoSecrets = (b) => {
  for (const s of SECRETS) assert.ok(!contains(b, s), `"${s}" is gone`);
};

describe('stripping JPEG metadata', () => {
  it('drops Exif (with GPS), XMP, APP13, COM and trailing bytes; keeps JFIF, ICC and the image data; writes back only the orientation', () => {
    const input = jpegWithMetadata(6);
    for (const s of SECRETS.filter((x) => !x.startsWith('tEXt'))) assert.ok(contains(input, s), `fixture carries "${s}"`);
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
    const input = concat(JPEG.subarray(0, 2), segment(0xe1, concat(new TextEncoder().encode('Exif\0\0'), tiff)), JPEG.subarray(2));
    const { bytes: out, orientation } = stripMetadata(input, 'image/jpeg');
    assert.equal(orientation, 8);
    assert.ok(contains(out, orientationApp1(8)));
  });

  it('copies entropy-coded data with stuffed bytes and restart markers, and drops a comment between scans', () => {
    const sof = segment(0xc0, bytes(8, 0, 2, 0, 3, 1, 1, 0x11, 0));
    const sos = segment(0xda, bytes(1, 1, 0, 0, 0x3f, 0));
    const scan1 = bytes(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xff, 0x00);
    const input = concat(bytes(0xff, 0xd8), sof, sos, scan1, segment(0xfe, new TextEncoder().encode('secret comment')), sos, bytes(0x78), bytes(0xff, 0xd9), bytes(1, 2, 3));
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
    const chunk = (type, data) => concat(bytes(0, 0, 0, data.length), new TextEncoder().encode(type), data, bytes(0, 0, 0, 0));
    const input = concat(PNG.subarray(0, 33), chunk('pHYs', bytes(0, 0, 11, 19, 0, 0, 11, 19, 1)), chunk('prVt', bytes(1, 2)), PNG.subarray(33));
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
