// `npm start`: builds the packages, then serves the demo shop (examples/script-tag) with the CDN
// build at /cdn/. `?fail` on the page URL switches the in-memory adapter into failure mode.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from './serve.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
if (!process.argv.includes('--no-build')) {
  console.log('Building Kith…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status || 1);
}

const port = Number(process.env.PORT ?? 8787);
const server = createStaticServer({
  mounts: { '/': `${root}examples/script-tag`, '/cdn/': `${root}packages/embed/dist/cdn` },
  transformHtml: (html, url) =>
    url.searchParams.has('fail') ? html.replace('data-adapter="memory"', 'data-adapter="memory" data-memory-failure="always"') : html,
});
server.listen(port, () => {
  console.log(`\nKith demo shop: http://localhost:${port}/`);
  console.log(`With the adapter failing: http://localhost:${port}/?fail`);
  console.log('Press Ctrl+C to stop.');
});
