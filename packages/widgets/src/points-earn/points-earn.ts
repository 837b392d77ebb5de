import { html, nothing, type PropertyValues } from 'lit';
import { I18nController, KithElement, toKithError, type KithAdapter, type PointsProgram } from '@kith/core';
import styles from './points-earn.styles.js';
import './strings.js'; // registers the string tables (listed in sideEffects)

// One program request per adapter, however many snippets a listing page holds.
const programs = new WeakMap<KithAdapter, Promise<PointsProgram>>();

/** Minor units per major unit of a currency (100 for USD, 1 for JPY). */
const scale = (currency: string) =>
  10 ** (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);

/**
 * The inline "Earn 120 points" line for product and cart pages. The points follow the program's
 * purchase rule (`floor(price / per) × points`, as the server credits an order's total), and
 * update as soon as `price` changes, such as on a variant switch. Renders nothing when the shop
 * has no purchase rule in the price's currency, or the price earns nothing.
 *
 * @tag kith-points-earn
 * @summary Inline "earn N points" line for a price.
 * @status experimental
 * @since 0.1
 *
 * @event {CustomEvent<KithErrorDetail>} kith-error - The program could not load; the line stays empty in its reserved space.
 *
 * @csspart base - The line.
 * @csspart points - The number of points.
 *
 * @cssproperty [--reserve-block-size=1.4em] - Height reserved before data arrives, so the page never jumps.
 */
export class KithPointsEarn extends KithElement {
  static override styles = [...KithElement.styles, styles];

  static override properties = { product: { reflect: true }, price: {}, currency: {} };

  /** Product id, for analytics. */
  declare product?: string;

  /** The price in major units as your shop shows it (`119.99`); update it on a variant switch. */
  declare price?: string;

  /** ISO 4217 code of `price`. Default: `configure({ currency })`, else the currency of the program's purchase rule. */
  declare currency?: string;

  private readonly i18n = new I18nController(this, 'points-earn');
  private program?: PointsProgram;
  private source?: KithAdapter;

  /** @internal */
  protected override get analyticsProduct(): string | undefined {
    return this.product;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const adapter = this.activeAdapter;
    if (adapter !== this.source) {
      this.source = adapter;
      this.program = undefined;
      this.recover();
      if (adapter && !adapter.points) this.recover('empty');
      else if (adapter?.points) {
        let p = programs.get(adapter);
        if (!p) programs.set(adapter, (p = adapter.points.getProgram()));
        p.then(
          (program) => {
            if (this.source === adapter) this.program = program;
            this.requestUpdate();
          },
          (e) => {
            programs.delete(adapter);
            if (this.source === adapter) this.fail(toKithError(e));
          },
        );
      }
    }
    if (this.program) this.recover(this.points() > 0 ? 'ready' : 'empty');
    super.willUpdate(changed);
  }

  /** What the price earns under the purchase rule; 0 when it earns nothing or can't be read. */
  points(): number {
    const rule = this.program?.earn.find((r) => r.action === 'purchase');
    const per = rule?.per;
    const currency = (this.currency ?? (this.config.value.currency || per?.currency))?.toUpperCase();
    const price = Number(this.price);
    if (!rule || !per || per.currency !== currency || !(price > 0)) return 0;
    const minor = Math.round(price * scale(per.currency));
    return Math.floor(minor / per.minor) * rule.points;
  }

  protected override renderContent() {
    const points = this.program ? this.points() : 0;
    if (!points) return nothing;
    const n = html`<strong part="points">${this.i18n.t('points', { count: points, n: this.i18n.number(points) })}</strong>`;
    const [before, after] = this.i18n.t('earn', { program: this.program!.name }).split('{points}');
    return html`<span part="base">${before}${n}${after}</span>`;
  }
}
