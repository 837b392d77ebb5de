// The npm route: import only the widgets the page uses, and configure the adapter yourself.
import { configure } from '@kith/core';
import { createMemoryAdapter, playLiveScenario } from '@kith/adapter-memory';
import '@kith/widgets/live-badge/define';

const adapter = createMemoryAdapter({ latency: 150 });
playLiveScenario(adapter, 'show-1', { loop: true });
configure({ adapter, locale: navigator.language });

document.addEventListener('kith-live-open', (e) => {
  // Open your own player instead of following the link:
  // e.preventDefault(); openPlayer(e.detail.show);
  console.info('Opening', e.detail.url);
});
