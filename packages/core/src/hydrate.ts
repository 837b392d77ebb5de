import { holdSnapshot, type KithSnapshot } from './stores/snapshot.js';

const read = new WeakSet<Element>();

/**
 * Holds the snapshots server-rendered widgets carry (`<script type="application/json"
 * data-kith-snapshot>`) for their stores, so each hydrates showing what its HTML shows. Call it
 * before the widgets are defined; again for HTML added later. Each script is read once.
 */
export function readSnapshots(root: ParentNode = document): void {
  for (const el of root.querySelectorAll('script[type="application/json"][data-kith-snapshot]'))
    if (!read.has(el)) {
      read.add(el);
      try {
        holdSnapshot(JSON.parse(el.textContent ?? '') as KithSnapshot);
      } catch {
        // A damaged snapshot costs the widget a read, never the widget.
      }
    }
}
