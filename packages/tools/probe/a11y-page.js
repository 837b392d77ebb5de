// Runs inside the probe page (injected by a11y.probe.mjs through the DevTools protocol, which the
// page's CSP doesn't govern): finds the widgets' controls through their shadow roots, follows the
// keyboard focus, and tells whether a focused control looks different from an unfocused one.
window.__a11y = (() => {
  // What a shopper can operate: native controls, interactive roles, and anything put in the tab order.
  const CANDIDATES =
    'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, audio[controls], video[controls], ' +
    '[contenteditable]:not([contenteditable=false]), [tabindex], [role]';
  const NATIVE =
    'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [contenteditable]';
  const ROLES =
    /^(button|link|tab|checkbox|radio|switch|menuitem|menuitemcheckbox|menuitemradio|option|slider|spinbutton|combobox|textbox|searchbox)$/;
  // A focus indicator is any of these changing on the control, its label or its next sibling
  // (the review form's star radios are transparent and ring the star next to them).
  const LOOK = [
    'outline-style',
    'outline-width',
    'outline-color',
    'box-shadow',
    'border-top-color',
    'border-bottom-color',
    'background-color',
    'color',
    'text-decoration-line',
  ];

  function* all(root = document) {
    for (const el of root.querySelectorAll('*')) {
      yield el;
      if (el.shadowRoot) yield* all(el.shadowRoot);
    }
  }
  /** The element's top-level widget (the `kith-*` element in the page's own DOM), if any. */
  function widgetOf(el) {
    let n = el;
    for (let root = n.getRootNode(); root !== document; root = n.getRootNode()) n = root.host;
    return n.localName.startsWith('kith-') && n !== el ? n : null;
  }
  /** `contains` across shadow boundaries. */
  function within(scope, el) {
    for (let n = el; n; n = n.parentNode ?? n.host) if (n === scope) return true;
    return false;
  }
  function deepActive() {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a && a !== document.body ? a : null;
  }
  /** The open modal dialog, whose controls are then the only ones that can take focus. */
  const modal = () => [...all()].find((el) => el.localName === 'dialog' && el.matches(':modal')) ?? null;

  function describe(el) {
    const w = widgetOf(el);
    const part = el.getAttribute('part');
    const act = el.dataset?.act ?? el.dataset?.channel;
    const name = (
      el.getAttribute('aria-label') ||
      el.labels?.[0]?.textContent ||
      el.textContent ||
      el.getAttribute('value') ||
      ''
    )
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 48);
    return `${w ? w.localName : 'page'} ${el.localName}${part ? `[part=${part}]` : ''}${act ? `[${act}]` : ''}${el.type === 'radio' ? `[radio ${el.name}=${el.value}]` : ''} "${name}"`;
  }

  /** Every enabled, rendered control inside the widgets (inside the open modal, when one is). */
  function controls() {
    const scope = modal();
    return [...all()].filter((el) => {
      if (!widgetOf(el) || !el.matches(CANDIDATES)) return false;
      const tabindex = el.getAttribute('tabindex');
      // A non-control with tabindex=-1 (a feed's article, a scroller) is a programmatic focus target.
      if (
        !el.matches(NATIVE) &&
        !ROLES.test(el.getAttribute('role') ?? '') &&
        !(tabindex !== null && Number(tabindex) >= 0)
      )
        return false;
      if (el.localName === 'summary' && el.parentElement?.localName !== 'details') return false;
      if (el.matches(':disabled') || el.closest('[inert]') || (scope && !within(scope, el))) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true });
    });
  }

  // Composite widgets take one Tab stop and arrow keys inside: a radio group, a tab list.
  const groupIds = new WeakMap();
  let groups = 0;
  const idOf = (o) => groupIds.get(o) ?? (groupIds.set(o, ++groups), groups);
  function group(el) {
    if (el.matches('input[type=radio][name]')) return `radio:${idOf(el.form ?? el.getRootNode())}:${el.name}`;
    const list = el.getAttribute('role') === 'tab' && el.closest('[role=tablist]');
    return list ? `tabs:${idOf(list)}` : null;
  }

  const look = (el) =>
    [el, el.parentElement, el.nextElementSibling]
      .map((n) => (n ? LOOK.map((p) => getComputedStyle(n).getPropertyValue(p)).join('|') : ''))
      .join('#');

  let seen = [];
  let focusedLook = new Map();
  return {
    all,
    widgetOf,
    deepActive,
    describe,
    controls,
    /** Starts recording a keyboard walk. */
    reset() {
      seen = [];
      focusedLook = new Map();
    },
    /** After a key press: where focus is, and whether it is new to this walk. */
    step() {
      const el = deepActive();
      if (!el) return { index: -1, desc: 'body' };
      let index = seen.indexOf(el);
      if (index < 0) {
        index = seen.push(el) - 1;
        focusedLook.set(el, look(el));
      }
      return { index, desc: describe(el) };
    },
    /** The walk's verdict: controls it never reached, and reached controls that look the same focused and not. */
    verdict() {
      deepActive()?.blur();
      const reachedGroups = new Set(seen.map(group).filter(Boolean));
      const targets = controls();
      return {
        reached: seen.map(describe),
        controls: targets.length,
        unreached: targets.filter((el) => !seen.includes(el) && !reachedGroups.has(group(el))).map(describe),
        noIndicator: seen
          .filter((el) => el.isConnected && widgetOf(el) && focusedLook.get(el) === look(el))
          .map(describe),
      };
    },
    /** Every widget defined (its lazy chunk loaded: a slow load must not pass as settled), none `loading`, nothing busy. */
    settled() {
      const widgets = [...document.querySelectorAll('main *')].filter((el) => el.localName.startsWith('kith-'));
      return (
        widgets.length > 0 &&
        widgets.every(
          (el) =>
            customElements.get(el.localName) && el.getAttribute('state') && el.getAttribute('state') !== 'loading',
        ) &&
        ![...all()].some((el) => el.getAttribute('aria-busy') === 'true' && el.checkVisibility())
      );
    },
    /** The first element under widget `tag` matching `selector`, through nested shadow roots. */
    find(tag, selector) {
      return (
        [...all(document.querySelector(tag)?.shadowRoot ?? document.createDocumentFragment())].find((el) =>
          el.matches(selector),
        ) ?? null
      );
    },
    findAll(tag, selector) {
      return [...all(document.querySelector(tag)?.shadowRoot ?? document.createDocumentFragment())].filter((el) =>
        el.matches(selector),
      );
    },
    /** Whether the focused element is inside widget `tag` and matches `selector`. */
    focusIs(tag, selector) {
      const el = deepActive();
      return !!el && widgetOf(el)?.localName === tag && el.matches(selector);
    },
  };
})();
