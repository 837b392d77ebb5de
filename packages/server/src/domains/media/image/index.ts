import type { SniffedImage } from '@kith/core/image';
import { stripJpeg } from './jpeg.js';
import { stripPng } from './png.js';
import { stripWebp } from './webp.js';

export { MalformedImage } from './bytes.js';
export { swapsSides } from './exif.js';

export interface Stripped {
  readonly bytes: Uint8Array;
  /** The Exif orientation (1–8) the picture is shown with; 1 when upright or unknown. */
  readonly orientation: number;
}

/**
 * The photo as it will be stored and served: location, camera and editing metadata removed, the
 * pixels untouched (no re-encoding). Throws `MalformedImage` when the file's structure is broken.
 */
export function stripMetadata(bytes: Uint8Array, type: SniffedImage['type']): Stripped {
  if (type === 'image/jpeg') return stripJpeg(bytes);
  if (type === 'image/png') return stripPng(bytes);
  return stripWebp(bytes);
}
