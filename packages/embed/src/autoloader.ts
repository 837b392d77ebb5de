export type WidgetLoaders = Readonly<Record<string, () => Promise<unknown>>>;

/**
 * Imports a widget's code the first time its tag appears under `root`, now or later (Web Awesome's
 * autoloader). Returns a function that stops watching. A failed import is reported once per tag
 * and never thrown into the page.
 */
export function autoload(
  root: ParentNode & Node,
  loaders: WidgetLoaders,
  onError: (tag: string, e: unknown) => void,
): () => void {
  const started = new Set<string>();
  const tags = Object.keys(loaders);
  const selector = tags.join(',');

  const load = (tag: string) => {
    if (started.has(tag)) return;
    started.add(tag);
    // Even when another copy already defined the tag, the loader runs: it also applies this
    // script's configuration, and a second definition only warns.
    loaders[tag]!().catch((e: unknown) => onError(tag, e));
  };
  const scan = (node: Node) => {
    if (!(node instanceof Element)) return;
    const tag = node.localName;
    if (tag in loaders) load(tag);
    if (node.firstElementChild && selector) node.querySelectorAll(selector).forEach((el) => load(el.localName));
  };

  if (root instanceof Element || root instanceof Document || root instanceof DocumentFragment) {
    if (selector) root.querySelectorAll(selector).forEach((el) => load(el.localName));
  }
  const observer = new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach(scan);
    if (started.size === tags.length) observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
