/** The part of `document` we need, so tests (and non-browser runtimes) can stand in for it. */
interface VisibilityTarget {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Calls `onHidden` once the page has stayed hidden for `grace` ms, and `onVisible` when it shows
 * again after that. The grace period keeps a quick tab switch from costing a reconnect. Outside a
 * browser (no `document`) it does nothing. Returns a function that stops watching.
 */
export function watchVisibility(grace: number, onHidden: () => void, onVisible: () => void): () => void {
  const doc = (globalThis as { document?: Partial<VisibilityTarget> }).document;
  if (!doc || typeof doc.addEventListener !== 'function' || typeof doc.visibilityState !== 'string') return () => {};
  const target = doc as VisibilityTarget;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paused = false;
  const check = () => {
    if (target.visibilityState === 'hidden') {
      if (!paused && timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          paused = true;
          onHidden();
        }, grace);
      }
    } else {
      clearTimeout(timer);
      timer = undefined;
      if (paused) {
        paused = false;
        onVisible();
      }
    }
  };
  target.addEventListener('visibilitychange', check);
  // A subscription made in a background tab still loads its first state, then pauses.
  check();
  return () => {
    clearTimeout(timer);
    timer = undefined;
    target.removeEventListener('visibilitychange', check);
  };
}
