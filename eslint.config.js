// ESLint 10 flat config: typescript-eslint's recommended rules everywhere, the lit and
// web-components plugins where custom elements are written, eslint-config-prettier last so that
// no rule argues with the formatter (`npm run format`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'storybook-static/',
      'test-assets/',
      'bench/.build/',
      '.kith-data/',
      '.wtr-tmp/',
      'packages/adapter-memory/recorded/demo.js',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // The code's convention: a leading underscore names a value kept on purpose (a parameter a
      // signature needs, a field destructured out of a rest object).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `interface GlobalEventHandlersEventMap extends KithEventMap {}` adds Kith's events to the DOM's map.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `try { … } catch {}` is how the code says "best effort".
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },

  // Where code runs: the browser for the packages that ship to pages, Node for the server, the
  // tools, the benches and every .mjs script and test.
  {
    files: [
      'packages/{core,widgets,embed,adapter-rest,adapter-memory}/src/**',
      'stories/**',
      'examples/**',
      '.storybook/**',
    ],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'packages/server/**', 'packages/tools/**', 'bench/**', '*.{js,ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  // Pages driven by the probes and fixtures run in the browser, and so do the functions the
  // browser tests, probes and benches hand to Playwright's page.evaluate().
  {
    files: [
      'packages/tools/probe/**',
      'packages/tools/test/fixtures/**',
      'packages/tools/test/*.e2e.node.test.mjs',
      'packages/tools/src/shoot.mjs',
      'packages/server/scripts/seed-media.mjs',
      'bench/**',
    ],
    languageOptions: { globals: globals.browser },
  },
  // Mocha and Chai in the browser tests: `expect(x).to.exist` is an assertion.
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },

  // Custom elements.
  {
    files: ['packages/widgets/src/**/*.ts', 'packages/core/src/element/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
  },

  // No function over 120 lines in the packages' sources (tests and the test kit excepted).
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/core/src/testing/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },

  prettier,
);
