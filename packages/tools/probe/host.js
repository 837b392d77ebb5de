// The host page's own script: a button that counts clicks, and what the probes read (layout
// shifts, uncaught errors and unhandled rejections, CSP violations), all with no inline script.
const count = document.getElementById('host-count');
document.getElementById('host-button').addEventListener('click', () => (count.value = String(Number(count.value) + 1)));
window.probe = { cls: 0, shifted: [], errors: [], violations: [], counting: false };
// Shifts are counted from the moment the widgets' code has defined them: what the failure probe
// judges is whether a widget moves the page while it loads data and falls back. (The first paint,
// before the loader runs, is the benchmark's CLS and the host page's own CSS.)
const tags = ['kith-referral-offer', 'kith-live-badge', 'kith-rating', 'kith-points-earn', 'kith-share-button', 'kith-points', 'kith-reviews'];
Promise.all(tags.map((t) => customElements.whenDefined(t))).then(() => requestAnimationFrame(() => (window.probe.counting = true)));
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput || !window.probe.counting) continue;
    window.probe.cls += e.value;
    for (const s of e.sources ?? []) window.probe.shifted.push(s.node?.localName ?? s.node?.nodeName ?? '?');
  }
}).observe({ type: 'layout-shift', buffered: true });
window.addEventListener('error', (e) => window.probe.errors.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => window.probe.errors.push(`unhandledrejection: ${e.reason}`));
document.addEventListener('securitypolicyviolation', (e) => window.probe.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
// Broken on purpose, to show each probe catches what it looks for (?break=…).
const broken = new URLSearchParams(location.search).get('break');
if (broken === 'inline-style') document.getElementById('below').setAttribute('style', 'color: red');
if (broken === 'eval') setTimeout(() => { try { new Function('return 1')(); } catch {} }, 0);
if (broken === 'throw') setTimeout(() => { throw new Error('a host-page bug'); }, 100);
if (broken === 'shift') setTimeout(() => document.querySelector('main').prepend(Object.assign(document.createElement('div'), { className: 'late' })), 2500);
