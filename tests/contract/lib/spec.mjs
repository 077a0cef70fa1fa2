// docs/openapi.yaml as the flow sees it: which operation a request hits, and whether an
// answer is one the description allows. Prism checks what passes through it; this module
// checks the few answers that cannot pass through it (HEAD, WebSocket upgrades, bodies
// Prism will not forward) and adds one rule Prism does not have: an answer that only the
// `default` response covers must carry one of the codes `default` is documented for.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const specPath = path.resolve(here, '../../../docs/openapi.yaml');

/** Codes the `default` response stands for (components.responses.Default). */
export const DEFAULT_CODES = new Set([
  'bad_request',
  'method_not_allowed',
  'idempotency_outcome_unknown',
  'body_too_large',
  'unsupported_media_type',
  'headers_too_large',
  'internal',
  'busy',
]);

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function loadSpec(file = specPath) {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi');

  // Literal segments win over templates, as in the server's router.
  const routes = Object.keys(doc.paths).map((template) => {
    const segments = template.split('/').slice(1);
    const pattern = segments.map((s) => (s.startsWith('{') ? '([^/]+)' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
    return {
      template,
      regex: new RegExp(`^/${pattern.join('/')}$`),
      literal: segments.filter((s) => !s.startsWith('{')).length,
    };
  });
  routes.sort((a, b) => b.literal - a.literal);

  const resolve = (node) => {
    let n = node;
    while (n && n.$ref) {
      const pointer = n.$ref.replace(/^#\//, '').split('/');
      n = pointer.reduce((acc, key) => acc?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    }
    return n;
  };

  /** The path template and operation for a request, or null when the description has none. */
  function operation(method, urlPath) {
    const route = routes.find((r) => r.regex.test(urlPath));
    if (!route) return null;
    const op = doc.paths[route.template][method.toLowerCase()];
    return op ? { template: route.template, method: method.toLowerCase(), op } : null;
  }

  /** The methods the description gives a path (for the Allow header). */
  function methodsOf(urlPath) {
    const route = routes.find((r) => r.regex.test(urlPath));
    if (!route) return [];
    return METHODS.filter((m) => doc.paths[route.template][m]).map((m) => m.toUpperCase());
  }

  function schemaValidator(name) {
    const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return (value) => (validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`));
  }

  /**
   * Problems with an answer to (method, urlPath), judged by the description alone: the
   * status is declared (or `default` covers it with one of its codes) and a JSON body
   * matches its schema. `body` is the parsed JSON or undefined.
   */
  function checkAnswer(method, urlPath, status, body) {
    const found = operation(method, urlPath);
    if (!found) return [`${method} ${urlPath} is not in the description`];
    return checkOperationAnswer(found, status, body);
  }

  const escape = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

  /** The JSON pointer of a response's JSON schema, following a response $ref. */
  function schemaPointer(template, method, key) {
    let pointer = ['paths', template, method, 'responses', key].map(escape).join('/');
    let node = doc.paths[template][method].responses[key];
    while (node?.$ref) {
      pointer = node.$ref.replace(/^#\//, '');
      node = resolve(node);
    }
    if (!node?.content?.['application/json']?.schema) return null;
    return `${pointer}/content/${escape('application/json')}/schema`;
  }

  function checkOperationAnswer({ op, template, method }, status, body) {
    const responses = op.responses;
    const code = String(status);
    const key = responses[code] ? code : responses[`${code[0]}XX`] ? `${code[0]}XX` : responses.default ? 'default' : null;
    const where = `${method.toUpperCase()} ${template} → ${status}`;
    if (!key) return [`${where}: no such response`];
    const problems = [];
    if (key === 'default' && !DEFAULT_CODES.has(body?.error?.code)) {
      problems.push(`${where}: not declared, and "${body?.error?.code}" is not one of the codes the default response stands for`);
    }
    const pointer = schemaPointer(template, method, key);
    if (pointer && status !== 204 && method !== 'head') {
      const validate = ajv.getSchema(`openapi#/${pointer}`);
      if (!validate(body)) {
        problems.push(`${where}: body ${validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
      }
    }
    return problems;
  }

  /** Whether the operation declares this status itself (not only through `default`). */
  function declares(method, urlPath, status) {
    const found = operation(method, urlPath);
    const key = String(status);
    return Boolean(found && (found.op.responses[key] || found.op.responses[`${key[0]}XX`]));
  }

  /** Every operation as "METHOD template". */
  function allOperations() {
    return Object.entries(doc.paths).flatMap(([template, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${template}`),
    );
  }

  return { doc, operation, methodsOf, checkAnswer, declares, schemaValidator, allOperations };
}
