import { expect, fixture, html } from '@open-wc/testing';
import { progressBar } from './progress.js';

// What assistive technology reads from the shared bar: its name, its range and its value, and axe's
// verdict (a progressbar without a name fails `aria-progressbar-name`).
describe('progressBar()', () => {
  it('segments: a named progressbar with its range, value and words, one child per unit', async () => {
    const el = await fixture(
      html`<div>${progressBar({ value: 2, max: 5, held: 3, label: 'Team progress', text: '2 joined', segments: true })}</div>`,
    );
    const bar = el.querySelector('[part="progress"]')!;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-label')).to.equal('Team progress');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('5');
    expect(bar.getAttribute('aria-valuenow')).to.equal('2');
    expect(bar.getAttribute('aria-valuetext')).to.equal('2 joined');
    expect([...bar.children].map((s) => s.className)).to.deep.equal(['on', 'on', 'held', '', '']);
    await expect(el).to.be.accessible();
  });

  it('continuous: a native <progress> with a name, its max and value', async () => {
    const el = await fixture(
      html`<div>${progressBar({ value: 1020, max: 1500, label: 'Progress to the next tier' })}</div>`,
    );
    const bar = el.querySelector('progress')!;
    expect(bar.getAttribute('part')).to.equal('progress');
    expect(bar.getAttribute('aria-label')).to.equal('Progress to the next tier');
    expect([bar.value, bar.max]).to.deep.equal([1020, 1500]);
    expect(bar.hasAttribute('aria-valuetext')).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
