import { createApp } from 'vue';
import { configure } from '@kith/core';
import { createMemoryAdapter } from '@kith/adapter-memory';
import '@kith/widgets/live-badge/define';
import '@kith/widgets/rating/define';
import App from './App.vue';

configure({ adapter: createMemoryAdapter({ latency: 50 }) });
createApp(App).mount('#app');
