// The host page's own script: a button that counts clicks, and what the probes read (layout
// shifts, uncaught errors and unhandled rejections, CSP violations), all with no inline script.
const count = document.getElementById('host-count');
document.getElementById('host-button').addEventListener('click', () => (count.value = String(Number(count.value) + 1)));
window.probe = { cls: 0, shifted: [], errors: [], violations: [], counting: false };
// Shifts are counted from the moment the widgets' code has defined them: what the failure probe
// judges is whether a widget moves the page while it loads data and falls back. (The first paint,
// before the loader runs, is the benchmark's CLS and the host page's own CSS.)
const tags = [
  'kith-referral-offer',
  'kith-live-badge',
  'kith-rating',
  'kith-points-earn',
  'kith-share-button',
  'kith-points',
  'kith-reviews',
];
Promise.all(tags.map((t) => customElements.whenDefined(t))).then(() =>
  requestAnimationFrame(() => (window.probe.counting = true)),
);
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput || !window.probe.counting) continue;
    window.probe.cls += e.value;
    for (const s of e.sources ?? []) window.probe.shifted.push(s.node?.localName ?? s.node?.nodeName ?? '?');
  }
}).observe({ type: 'layout-shift', buffered: true });
window.addEventListener('error', (e) => window.probe.errors.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => window.probe.errors.push(`unhandledrejection: ${e.reason}`));
document.addEventListener('securitypolicyviolation', (e) =>
  window.probe.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
);
// Broken on purpose, to show each probe catches what it looks for (?break=…).
const broken = new URLSearchParams(location.search).get('break');
if (broken === 'inline-style') document.getElementById('below').setAttribute('style', 'color: red');
if (broken === 'eval')
  setTimeout(() => {
    try {
      new Function('return 1')();
    } catch {}
  }, 0);
if (broken === 'throw')
  setTimeout(() => {
    throw new Error('a host-page bug');
  }, 100);
if (broken === 'shift')
  setTimeout(
    () => document.querySelector('main').prepend(Object.assign(document.createElement('div'), { className: 'late' })),
    2500,
  );

// The accessibility probe's page states (a11y.probe.mjs), all through the CSSOM and DOM, which the
// CSP allows: ?theme=dark puts every widget on a dark page; ?badges=all adds a badge for each other
// seeded show (live, replay, later, ended with no replay), so every badge state is on one page.
const params = new URLSearchParams(location.search);
const widgets = () => [...document.querySelectorAll('main *')].filter((el) => el.localName.startsWith('kith-'));
if (params.get('badges') === 'all') {
  for (const show of ['show-2', 'show-3', 'show-4', 'show-5']) {
    const badge = document.createElement('kith-live-badge');
    badge.setAttribute('show', show);
    document.getElementById('below').before(badge);
  }
}
if (params.get('theme') === 'dark') {
  Object.assign(document.documentElement.style, { colorScheme: 'dark', background: '#0d1117', color: '#f0f6fc' });
  for (const el of widgets()) el.setAttribute('theme', 'dark');
}
// Accessibility broken on purpose, once the widgets have rendered: a nameless button and faint
// text on the page (axe), a widget's button taken out of the tab order, a widget's focus ring
// removed, and the share button deaf to Enter and Space.
const rendered = (tag) =>
  customElements
    .whenDefined(tag)
    .then(() => document.querySelector(tag).updateComplete)
    .then(() => document.querySelector(tag));
if (broken === 'a11y') {
  rendered('kith-reviews').then(() => {
    const faint = Object.assign(document.createElement('p'), { textContent: 'Faint host text' });
    Object.assign(faint.style, { color: '#d0d0d0', background: '#ffffff' });
    document.getElementById('below').before(document.createElement('button'), faint);
  });
}
if (broken === 'tabindex')
  rendered('kith-share-button').then((el) => el.shadowRoot.querySelector('button').setAttribute('tabindex', '-1'));
if (broken === 'focus-ring') {
  rendered('kith-points').then((el) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':focus-visible { outline: none !important; }');
    el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
  });
}
if (broken === 'keys') {
  document
    .querySelector('kith-share-button')
    .addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && e.preventDefault(), { capture: true });
}
// Consent ignored on purpose (the consent probe): before any consent the page stores, sets a cookie,
// sends an analytics beacon and pushes a tracking event.
if (broken === 'consent') {
  localStorage.setItem('probe_seen', '1');
  document.cookie = 'probe_seen=1; path=/';
  navigator.sendBeacon('/probe/collect', JSON.stringify({ event: 'page_view' }));
  (window.dataLayer ??= []).push({ event: 'kith_page_view' });
}
