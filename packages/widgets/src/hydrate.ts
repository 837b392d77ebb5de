// `@kith/widgets/hydrate`: import it first on a page whose widgets were server-rendered
// (`renderWidget`, @kith/widgets/ssr), before anything loads lit or the widgets. It loads Lit's
// hydration support (which must come before lit) and holds the snapshots the rendered widgets carry,
// so each hydrates showing what its HTML shows, without a read of its own.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { readSnapshots } from '@kith/core/hydrate';

readSnapshots();
