// The SPA-life probe's host script (page?life=1): removes every widget and adds fresh ones with the
// same attributes, as a single-page app does on each navigation, and waits for them to settle.
const main = document.querySelector('main');
const widgets = () => [...main.children].filter((el) => el.localName.startsWith('kith-'));
// Each widget's place (the node after it) and attributes, as the page first had them.
const blueprint = widgets().map((el) => ({
  tag: el.localName,
  attrs: [...el.attributes].map((a) => [a.name, a.value]).filter(([n]) => n !== 'state'),
  before: el.nextSibling,
}));
const broken = new URLSearchParams(location.search).get('break');

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const settled = () =>
  widgets().every((el) => customElements.get(el.localName) && ['ready', 'empty'].includes(el.getAttribute('state')));

/** Waits until every widget is ready or empty; false after `timeout` ms. */
async function settle(timeout = 5000) {
  const until = performance.now() + timeout;
  while (!settled()) {
    if (performance.now() > until) return false;
    await sleep(20);
  }
  await frame();
  return true;
}

function readd(removed) {
  for (const { tag, attrs, before } of blueprint) {
    const el = document.createElement(tag);
    for (const [n, v] of attrs) el.setAttribute(n, v);
    main.insertBefore(el, before);
  }
  // Leaks on purpose, to show the probe catches each kind: a window listener (which keeps the removed
  // widgets alive, as a forgotten handler does), an interval and an event stream, never removed.
  if (broken === 'leak') {
    window.addEventListener('resize', () => removed);
    setInterval(() => {}, 60_000);
    new EventSource('/probe/leaky-stream');
  }
}

window.life = {
  settle,
  /**
   * `n` cycles of remove all → (wait `gapMs`, else one frame) → add fresh ones → settled; with
   * `churn`, the fresh ones are removed again a frame later, while they load, and replaced. Returns
   * the cycles that did not settle within 5 s.
   */
  async cycle(n, { gapMs = 0, churn = false } = {}) {
    const unsettled = [];
    const replace = async (wait) => {
      const removed = widgets();
      for (const el of removed) el.remove();
      await wait();
      readd(removed);
    };
    for (let i = 0; i < n; i++) {
      await replace(() => (gapMs ? sleep(gapMs) : frame()));
      if (churn) {
        await frame();
        await replace(frame);
      }
      if (!(await settle())) unsettled.push(i);
    }
    return unsettled;
  },
};
