// The browser half: Kith's hydration support first (it loads Lit's, which must come before lit,
// and holds the snapshots the server-rendered widgets carry), then the page's adapter, then the
// widgets. Each hydrates showing what the HTML shows, without asking the server again.
import '@kith/widgets/hydrate';
import { configure } from '@kith/core';
import { createRestAdapter } from '@kith/adapter-rest';

const api = /** @type {HTMLMetaElement} */ (document.querySelector('meta[name="kith-api"]')).dataset;
configure({ adapter: createRestAdapter({ baseUrl: api.endpoint ?? '', publishableKey: api.key ?? '' }) });
await import('@kith/widgets/define');
