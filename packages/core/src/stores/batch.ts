/**
 * Collects the keys asked for within one task and fetches them in one call, in chunks of `max`:
 * N rating snippets on a listing page make one request, not N.
 */
export function createBatcher<T>(
  fetchMany: (keys: string[]) => Promise<readonly T[]>,
  max = 100,
): (key: string) => Promise<T> {
  let pending = new Map<string, { resolve: (v: T) => void; reject: (e: unknown) => void }[]>();
  let scheduled = false;

  const flush = () => {
    const batch = pending;
    pending = new Map();
    scheduled = false;
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += max) {
      const chunk = keys.slice(i, i + max);
      fetchMany(chunk).then(
        (values) => chunk.forEach((k, j) => batch.get(k)!.forEach((w) => w.resolve(values[j]!))),
        (e) => chunk.forEach((k) => batch.get(k)!.forEach((w) => w.reject(e))),
      );
    }
  };

  return (key) =>
    new Promise<T>((resolve, reject) => {
      const waiting = pending.get(key) ?? [];
      waiting.push({ resolve, reject });
      pending.set(key, waiting);
      if (!scheduled) {
        scheduled = true;
        // A macrotask, so elements upgraded in the same parse or render all join the batch.
        setTimeout(flush, 0);
      }
    });
}
