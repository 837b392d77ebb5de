import { HttpError, type UploadedMedia } from '@kith/core';
import { MEDIA_LIMITS, sniffImage } from '@kith/core/image';

const u16 = (b: Uint8Array, i: number, le: boolean) => (le ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
const u32 = (b: Uint8Array, i: number, le: boolean) => (le ? u16(b, i + 2, le) * 65536 + u16(b, i, le) : u16(b, i, le) * 65536 + u16(b, i + 2, le));

/** The EXIF Orientation tag of a JPEG (1 to 8), or 1 when it has none. */
export function jpegOrientation(b: Uint8Array): number {
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xda || marker === 0xd9) break;
    const length = u16(b, i + 2, false);
    // APP1 "Exif\0\0", then a TIFF header: byte order, 42, offset of IFD0.
    if (marker === 0xe1 && String.fromCharCode(...b.subarray(i + 4, i + 8)) === 'Exif') {
      const tiff = i + 10;
      const le = b[tiff] === 0x49;
      const ifd = tiff + u32(b, tiff + 4, le);
      const entries = ifd + 2 <= b.length ? u16(b, ifd, le) : 0;
      for (let e = 0; e < entries; e++) {
        const at = ifd + 2 + e * 12;
        if (at + 12 > b.length) break;
        if (u16(b, at, le) === 0x0112) {
          const value = u16(b, at + 8, le);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    }
    i += 2 + length;
  }
  return 1;
}

export interface CheckedImage {
  readonly bytes: Uint8Array;
  readonly contentType: UploadedMedia['contentType'];
  /** Displayed size: EXIF orientations 5 to 8 turn the picture a quarter. */
  readonly width: number;
  readonly height: number;
}

/** The server's upload checks, in its order: size, then the type read from the bytes, then dimensions. */
export async function checkImage(file: Blob): Promise<CheckedImage> {
  if (file.size > MEDIA_LIMITS.maxBytes) throw new HttpError(413, 'media_too_large', `A photo may be at most ${MEDIA_LIMITS.maxBytes} bytes`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const image = sniffImage(bytes);
  if (!image) throw new HttpError(415, 'unsupported_media_type', 'Only JPEG, PNG and WebP photos are accepted');
  if (image.width > MEDIA_LIMITS.maxDimension || image.height > MEDIA_LIMITS.maxDimension) {
    throw new HttpError(422, 'image_dimensions', `A photo may be at most ${MEDIA_LIMITS.maxDimension} pixels on a side`);
  }
  const turned = image.type === 'image/jpeg' && jpegOrientation(bytes) >= 5;
  return { bytes, contentType: image.type, width: turned ? image.height : image.width, height: turned ? image.width : image.height };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Where the photo is served from: an object URL (no copy of the bytes in a string) where the
 * platform has `URL.createObjectURL`, else a `data:` URL. Both carry the sniffed type.
 */
export function mediaUrl(bytes: Uint8Array, type: string): { url: string; revoke?: () => void } {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    return { url, revoke: () => URL.revokeObjectURL(url) };
  }
  return { url: `data:${type};base64,${base64(bytes)}` };
}
