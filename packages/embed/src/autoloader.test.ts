import { expect } from '@open-wc/testing';
import { autoload } from './autoloader.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('autoload', () => {
  it('imports a widget only when its tag appears, once, including nested and late tags', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const calls: string[] = [];
    const loaders = {
      'kith-alpha-x': async () => {
        calls.push('alpha');
      },
      'kith-beta-x': async () => {
        calls.push('beta');
      },
    };
    root.innerHTML = '<kith-alpha-x></kith-alpha-x><kith-alpha-x></kith-alpha-x>';
    const stop = autoload(root, loaders, () => {});
    await tick();
    expect(calls).to.deep.equal(['alpha']);

    const late = document.createElement('section');
    late.innerHTML = '<p><kith-beta-x></kith-beta-x></p>';
    root.append(late);
    await tick();
    root.append(document.createElement('kith-beta-x'));
    await tick();
    expect(calls).to.deep.equal(['alpha', 'beta']);
    stop();
    root.remove();
  });

  it('loads nothing for a page without widgets', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    let called = false;
    const stop = autoload(
      root,
      {
        'kith-gamma-x': async () => {
          called = true;
        },
      },
      () => {},
    );
    root.innerHTML = '<p>No widgets here</p>';
    await tick();
    expect(called).to.equal(false);
    stop();
    root.remove();
  });

  it('reports a failed import once and throws nothing', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<kith-delta-x></kith-delta-x><kith-delta-x></kith-delta-x>';
    document.body.append(root);
    const reported: string[] = [];
    const stop = autoload(root, { 'kith-delta-x': () => Promise.reject(new Error('offline')) }, (tag) =>
      reported.push(tag),
    );
    await tick();
    expect(reported).to.deep.equal(['kith-delta-x']);
    stop();
    root.remove();
  });
});
