import { ERROR_DOCS } from './error-docs.js';

// `GET /docs/api`: the OpenAPI document as one readable page, rendered here with no script and no
// outside request (its stylesheet is `/docs/api.css`), so it works under a strict CSP, offline,
// and behind any proxy. Every error body's `docUrl` points at its code's entry below the routes.

type Schema = { $ref?: string; type?: string | string[]; description?: string; items?: Schema; enum?: unknown[] };
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  security?: Record<string, unknown>[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
};
export type OpenApiDocument = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
};

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
/** Inline `code` in the descriptions, the only markdown they use. */
const text = (s: unknown) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');
const schemaName = (s?: Schema): string =>
  !s ? '' : s.$ref ? s.$ref.split('/').pop()! : s.type === 'array' ? `${schemaName(s.items)}[]` : String(s.type ?? '');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const anchor = (op: Operation, method: string, path: string) =>
  op.operationId ?? `${method}-${path.replace(/[^\w]+/g, '-')}`;

function operation(method: string, path: string, op: Operation): string {
  const auth = (op.security ?? []).flatMap((s) => Object.keys(s)).join(' + ') || 'none';
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${esc(schemaName(p.schema))}${p.required ? ', required' : ''}</td><td>${text(p.description ?? p.schema?.description)}</td></tr>`,
    )
    .join('');
  const body = op.requestBody?.content
    ? Object.entries(op.requestBody.content)
        .map(([type, c]) => `<p>Body: <code>${esc(type)}</code> ${esc(schemaName(c.schema))}</p>`)
        .join('')
    : '';
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<li><b>${esc(status)}</b> ${text(r.description)}</li>`)
    .join('');
  return `<section id="${esc(anchor(op, method, path))}">
<h3><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${text(op.summary)}</p>${op.description ? `<p>${text(op.description)}</p>` : ''}
<p class="meta">Operation <code>${esc(op.operationId ?? '')}</code>; auth: ${esc(auth)}</p>
${params ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>About</th></tr></thead><tbody>${params}</tbody></table>` : ''}
${body}<ul class="responses">${responses}</ul>
</section>`;
}

/** The page: routes grouped by tag, then every error code with its status, meaning and fix. */
export function apiReferenceHtml(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths))
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation(method, path, op)]);
      toc.set(tag, [
        ...(toc.get(tag) ?? []),
        `<li><a href="#${esc(anchor(op, method, path))}">${esc(method.toUpperCase())} ${esc(path)}</a></li>`,
      ]);
    }
  const tags = [...byTag.keys()].sort();
  const errors = Object.entries(ERROR_DOCS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([code, e]) =>
        `<section id="error-${esc(code)}"><h3><code>${esc(code)}</code> <span class="status">${e.status}</span></h3><p>${text(e.when)}</p><p><b>What to do:</b> ${text(e.fix)}</p></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}: API reference</title>
<link rel="stylesheet" href="/docs/api.css"></head>
<body><main>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
<p>${text(doc.info.description)} The machine-readable document is <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
<nav aria-label="Contents"><h2>Contents</h2>${tags
    .map((t) => `<details><summary>${esc(t)}</summary><ul>${toc.get(t)!.join('')}</ul></details>`)
    .join('')}<p><a href="#errors">Errors</a></p></nav>
${tags.map((t) => `<h2>${esc(t)}</h2>\n${byTag.get(t)!.join('\n')}`).join('\n')}
<h2 id="errors">Errors</h2>
<p>Every error is <code>{ "error": { "code", "message", "details"?, "requestId", "docUrl" } }</code>. The message is for developers; widgets show shoppers their own words for the code. Quote the <code>requestId</code> (also the <code>Request-Id</code> header) when you report a problem.</p>
${errors}
</main></body></html>
`;
}

export const API_REFERENCE_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h1 small{font-size:.5em;color:#59636e}h2{margin-top:2.5rem;border-bottom:1px solid #d1d9e0}
section{margin:1.5rem 0;padding-top:.25rem}h3{font-size:1.05rem;margin:.25rem 0}
code{font:.9em ui-monospace,monospace;background:#f3f4f6;padding:0 .25em;border-radius:3px}
.method{display:inline-block;min-width:4em;font:700 .8em ui-monospace,monospace;text-align:center;border-radius:3px;padding:.1em .3em;color:#fff;background:#59636e}
.method.get{background:#0a66c2}.method.post{background:#1a7f37}.method.delete{background:#cf222e}.method.put,.method.patch{background:#7a4b00}
.meta{color:#59636e;font-size:.9em}.status{color:#59636e;font-weight:400}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #d1d9e0;padding:.25em .5em;text-align:left;vertical-align:top}
nav ul{columns:2;font-size:.9em}a{color:#0a66c2}
`;
