import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';

export interface DialogOptions {
  /** The host's `<dialog>`. */
  dialog(): HTMLDialogElement | null | undefined;
  /** Where focus goes on close when the opener has left the DOM (a row scrolled out of a window). */
  fallback?(): HTMLElement | null | undefined;
  /** After the dialog closed, by any means (Escape, a close button, a submitted `method="dialog"` form). */
  closed?(): void;
  /**
   * The dialog's styles, when they come with its lazy chunk rather than with the widget: added to the
   * host's shadow root (after the widget's own) when the controller is made.
   */
  styles?: CSSResult;
  /** The host's shadow root, for `styles`. */
  root?(): ParentNode;
}

/**
 * Adds a lazy chunk's styles to a widget's render root, after its own: a constructed sheet (which a
 * strict CSP allows), or where there are none (Safari before 16.4) a `<style>` with Lit's nonce,
 * first in the root, outside what Lit renders.
 */
function addStyles(root: ParentNode | undefined, styles: CSSResult): void {
  const r = root as (ParentNode & Partial<Pick<ShadowRoot, 'adoptedStyleSheets'>>) | undefined;
  const sheet = styles.styleSheet;
  if (!r) return;
  if (sheet && r.adoptedStyleSheets) {
    if (!r.adoptedStyleSheets.includes(sheet)) r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = styles.cssText;
  r.prepend(style);
}

/**
 * One modal `<dialog>` of a widget (reviews' lightbox, report and review form; the share menu).
 * `showModal()` gives the browser's modal behaviour: focus moves in, Escape closes, the page behind
 * is inert. On close, focus goes back to the control that opened it, which the browser alone does
 * not promise for a shadow root whose opener re-rendered. Bind `onClose` to the dialog's `close`
 * event.
 */
export class DialogController implements ReactiveController {
  private opener?: HTMLElement | null;
  private wanted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: DialogOptions,
  ) {
    host.addController(this);
    if (o.styles) addStyles(o.root?.(), o.styles);
  }

  /** Opens after the next render, so the dialog holds its new content when focus moves in. */
  open(opener?: EventTarget | null): void {
    this.opener = opener as HTMLElement | null;
    this.wanted = true;
    this.host.requestUpdate();
  }

  close(): void {
    this.o.dialog()?.close();
  }

  hostUpdated(): void {
    // Only when asked: a render before the async `close` event must not reopen it.
    if (!this.wanted) return;
    this.wanted = false;
    const d = this.o.dialog();
    if (d && !d.open) d.showModal();
  }

  readonly onClose = (): void => {
    const opener = this.opener;
    this.opener = undefined;
    this.o.closed?.();
    this.host.updateComplete.then(() => (opener?.isConnected ? opener : this.o.fallback?.())?.focus());
  };
}
