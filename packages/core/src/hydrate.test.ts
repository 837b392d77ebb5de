import { expect } from '@open-wc/testing';
import { readSnapshots } from './hydrate.js';
import { takeSnapshot } from './stores/snapshot.js';

const script = (text: string) => {
  const el = document.createElement('script');
  el.type = 'application/json';
  el.dataset.kithSnapshot = '';
  el.textContent = text;
  return el;
};

describe('readSnapshots', () => {
  it('holds each snapshot script once, skips a damaged one and ignores other JSON scripts', () => {
    const root = document.createElement('div');
    const other = script('{"summary":{"h2":"not a snapshot"}}');
    delete other.dataset.kithSnapshot;
    root.append(script('{"summary":{"h1":"ready"}}'), script('{not json'), other);
    expect(() => readSnapshots(root)).not.to.throw();
    readSnapshots(root);
    expect(takeSnapshot('summary', 'h1')).to.equal('ready');
    expect(takeSnapshot('summary', 'h1'), 'read once, though read twice').to.equal(undefined);
    expect(takeSnapshot('summary', 'h2')).to.equal(undefined);
    root.append(script('{"summary":{"h1":"added later"}}'));
    readSnapshots(root);
    expect(takeSnapshot('summary', 'h1')).to.equal('added later');
  });
});
