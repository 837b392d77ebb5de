// A custom-elements-manifest analyzer plugin: from the manifest it writes what developers' tools
// read, into `dist/types/` (shipped with the package):
// - `jsx.d.ts`: `KithIntrinsicElements`, each element's props (its public properties, typed by its
//   class) and its `onkith-…` event props (typed by `KithEventMap`), for any JSX;
// - `react.d.ts`: those elements in React 19's `JSX.IntrinsicElements` (React and Vue are optional peers:
//   only the file of the framework in use is imported);
// - `vue.d.ts`: the elements in Vue's `GlobalComponents` (props and `@kith-…` events), the way
//   Vue's own guide types custom elements that Vue did not build;
// - `vscode.html-custom-data.json` and `vscode.css-custom-data.json`: VS Code's HTML and CSS data.
// Our own small generator rather than one from npm: the ones we tried wrote duplicate imports for
// our manifest or crashed on it, and this one types events from the one map that already has them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'dist/types';
const HEADER = '// Generated from custom-elements.json by packages/widgets/element-types.mjs. Do not edit.\n';
/** What every Kith element takes, from `KithElement` (the manifest lists each class's own members). */
const BASE = ['theme', 'lang', 'strings', 'adapter'];

/** Every element in the manifest: tag, class, module (as built), public properties, events, docs. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((m) =>
    (m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({
        tag: d.tagName,
        className: d.name,
        module: `../${m.path.replace(/^src\//, '').replace(/\.ts$/, '.js')}`,
        summary: (d.summary ?? d.description ?? '').split('\n')[0],
        props: (d.members ?? [])
          .filter((x) => x.kind === 'field' && (x.privacy ?? 'public') === 'public' && !x.static && !x.readonly)
          .map((x) => x.name)
          .filter((name) => name !== 'state'),
        attributes: (d.attributes ?? []).filter((a) =>
          (d.members ?? []).some((x) => x.name === a.fieldName && (x.privacy ?? 'public') === 'public'),
        ),
        events: [...new Set((d.events ?? []).map((e) => e.name).filter(Boolean))],
        cssProperties: d.cssProperties ?? [],
        cssParts: d.cssParts ?? [],
      })),
  );
}

const quote = (s) => `'${s}'`;
const doc = (text, indent = '  ') => (text ? `${indent}/** ${text.replace(/\*\//g, '* /')} */\n` : '');

function imports(elements) {
  return [
    "import type { KithEventMap } from '@kith/core';",
    ...elements.map((e) => `import type { ${e.className} } from ${quote(e.module)};`),
  ].join('\n');
}

function propsType(e) {
  const keys = [...BASE, ...e.props].map(quote).join(' | ');
  return `Partial<Pick<${e.className}, ${keys}>>`;
}

function jsx(elements) {
  const body = elements
    .map((e) => {
      const events = e.events.map((n) => `'on${n}'?: (event: KithEventMap['${n}']) => void`).join('; ');
      return `${doc(e.summary)}  '${e.tag}': ${propsType(e)} & { ${events}${events ? '; ' : ''}children?: unknown };`;
    })
    .join('\n');
  return `${HEADER}${imports(elements)}

/**
 * Every Kith element with its props: the element's public properties (React 19 sets them as
 * properties) and its events as \`onkith-…\` props (React 19 listens for the event of that exact
 * name; \`onKithLiveOpen\` would not be heard). Extend your JSX's \`IntrinsicElements\` with it, or
 * import \`@kith/widgets/react\` for React.
 */
export interface KithIntrinsicElements {
${body}
}

/** Each tag's element class (for refs). */
export interface KithElementClasses {
${elements.map((e) => `  '${e.tag}': ${e.className};`).join('\n')}
}
`;
}

const react = () => `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KithElementClasses, KithIntrinsicElements } from './jsx.js';

type Element<Tag extends keyof KithElementClasses> = KithElementClasses[Tag];
type ReactProps<Tag extends keyof KithIntrinsicElements> = KithIntrinsicElements[Tag] &
  Omit<DetailedHTMLProps<HTMLAttributes<Element<Tag>>, Element<Tag>>, keyof KithIntrinsicElements[Tag]>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ReactElements {}
  }
}
type ReactElements = { [Tag in keyof KithIntrinsicElements]: ReactProps<Tag> };

export type { KithIntrinsicElements };
`;

function vue(elements) {
  const body = elements
    .map((e) => {
      const events = e.events.map((n) => `'${n}': KithEventMap['${n}']`).join('; ');
      const keys = [...BASE, ...e.props].map(quote).join(' | ');
      return `${doc(e.summary, '    ')}    '${e.tag}': DefineCustomElement<${e.className}, { ${events} }, ${keys}>;`;
    })
    .join('\n');
  return `${HEADER}import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${imports(elements)}

// The helper from Vue's guide ("Non-Vue Web Components and TypeScript"): \`$props\` and \`$emit\`
// exist only for template type checking, never on the element.
type EventMap = Record<string, Event>;
type VueEmit<Events extends EventMap> = EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
type DefineCustomElement<Element extends HTMLElement, Events extends EventMap, Props extends keyof Element> = new () => Element & {
  /** @deprecated For template type checking only: not on the element. */
  $props: HTMLAttributes & Partial<Pick<Element, Props>> & PublicProps;
  /** @deprecated For template type checking only: not on the element. */
  $emit: VueEmit<Events>;
};

declare module 'vue' {
  interface GlobalComponents {
${body}
  }
}

export {};
`;
}

function vscode(elements) {
  const html = {
    version: 1.1,
    tags: elements.map((e) => ({
      name: e.tag,
      description: e.summary,
      attributes: [
        {
          name: 'theme',
          description: 'Colour scheme',
          values: [{ name: 'light' }, { name: 'dark' }, { name: 'auto' }],
        },
        { name: 'strings', description: 'JSON: strings that replace the built-in ones, by key' },
        ...e.attributes.map((a) => ({ name: a.name, description: a.description ?? '' })),
      ],
    })),
  };
  const seen = new Map();
  for (const e of elements)
    for (const p of e.cssProperties) if (!seen.has(p.name)) seen.set(p.name, p.description ?? '');
  const css = {
    version: 1.1,
    properties: [...seen].map(([name, description]) => ({ name, description })),
    pseudoElements: [],
  };
  return [html, css];
}

/** Writes every file into `dir` (`dist/types` of the widgets package). */
export function writeElementTypes(manifest, dir = OUT) {
  const elements = elementsOf(manifest).sort((a, b) => a.tag.localeCompare(b.tag));
  mkdirSync(dir, { recursive: true });
  const [html, css] = vscode(elements);
  const files = {
    'jsx.d.ts': jsx(elements),
    'react.d.ts': react(),
    'vue.d.ts': vue(elements),
    'vscode.html-custom-data.json': `${JSON.stringify(html, null, 2)}\n`,
    'vscode.css-custom-data.json': `${JSON.stringify(css, null, 2)}\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return elements;
}

/** The analyzer plugin: runs once the manifest is complete. */
export const elementTypesPlugin = () => ({
  name: 'kith-element-types',
  packageLinkPhase({ customElementsManifest }) {
    writeElementTypes(customElementsManifest);
  },
});
