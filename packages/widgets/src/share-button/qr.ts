import { html } from 'lit';
import { encode } from 'uqr';

/**
 * The link as a QR code, drawn here (no image request, nothing sent to a QR service) for scanning
 * into WeChat and other apps. Loaded only when the shopper opens it: uqr is a small, maintained
 * encoder (unjs) we'd otherwise have to write and test ourselves. Encoded once; the label is
 * given at each render.
 */
export function qrCode(text: string) {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((on, x) => {
      if (on) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }),
  );
  const n = size + 8; // a four-module quiet zone, as scanners expect
  // Labelled when rendered, in the language of that moment.
  return (label: string) =>
    html`<svg part="qr" viewBox="0 0 ${n} ${n}" role="img" aria-label=${label} shape-rendering="crispEdges">
    <rect width=${n} height=${n} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
}
