// Kith's widgets in a React 19 app: the elements are typed (a wrong prop does not compile), their
// properties are set as properties, and their events arrive on `onkith-…` props.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { configure } from '@kith/core';
import { createMemoryAdapter } from '@kith/adapter-memory';
import '@kith/widgets/live-badge/define';
import '@kith/widgets/rating/define';
import { LiveBadge } from '@kith/react/live-badge';

configure({ adapter: createMemoryAdapter({ latency: 50 }) });

function Product() {
  const [opened, setOpened] = useState('');
  const [replay, setReplay] = useState('');
  return (
    <main>
      <h1>Everyday tote</h1>
      <kith-rating product="p1" href="#reviews" />
      <kith-live-badge
        show="show-2"
        theme="light"
        onkith-live-open={(event) => {
          event.preventDefault(); // open our own player instead of following the link
          setOpened(event.detail.url);
        }}
      />
      <p id="opened">{opened && `Opening ${opened}`}</p>
      {/* The same element through @kith/react: a camelCase event prop (works on React 18 too). */}
      <LiveBadge
        show="show-3"
        onLiveOpen={(event) => {
          event.preventDefault();
          setReplay(event.detail.url);
        }}
      />
      <p id="replay">{replay && `Replaying ${replay}`}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Product />
  </StrictMode>,
);
