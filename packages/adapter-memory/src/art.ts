import type { ReviewMedia } from '@kith/core';

export type ArtKind = 'tote' | 'inside' | 'strap';

// Flat drawings of a tote bag, small enough to inline: review photos for demos with no network
// (`img-src data:` is all the demo CSP needs). The bag is drawn in `currentColor`.
const SHAPES: Record<ArtKind, string> = {
  tote: '<path d="M190 130a50 50 0 0 1 100 0" fill="none" stroke="#5b4636" stroke-width="12"/><rect x="140" y="128" width="200" height="180" rx="12" fill="currentColor"/><rect x="210" y="180" width="60" height="44" rx="6" fill="#fff" opacity=".35"/>',
  inside:
    '<rect x="100" y="90" width="280" height="220" rx="16" fill="currentColor"/><rect x="130" y="120" width="220" height="70" rx="8" fill="#000" opacity=".15"/><rect x="150" y="210" width="80" height="70" rx="6" fill="#fff" opacity=".5"/><rect x="250" y="210" width="80" height="70" rx="6" fill="#fff" opacity=".5"/>',
  strap:
    '<rect x="60" y="150" width="360" height="60" rx="8" fill="currentColor"/><path d="M70 162h340M70 198h340" stroke="#fff" stroke-width="3" stroke-dasharray="10 8"/><circle cx="240" cy="180" r="16" fill="#caa25a"/>',
};
const ALT = { tote: 'The tote from the front', inside: 'The inside pockets', strap: 'Close-up of the strap stitching' };

/** A customer photo, 480 × 360, as a `data:image/svg+xml` URL. */
export function artPhoto(id: string, kind: ArtKind, colour: string): ReviewMedia {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" color="${colour}"><rect width="480" height="360" fill="#f3efe8"/>${SHAPES[kind]}</svg>`;
  const url = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  return { id, kind: 'image', url, width: 480, height: 360, alt: ALT[kind] };
}
