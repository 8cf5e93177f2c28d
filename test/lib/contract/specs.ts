/**
 * GitHub's and Netlify's own machine-readable specs, and the checks that hold requests and answers to them.
 *
 * - Netlify: @netlify/open-api (Swagger 2.0, dist/swagger.json), base path /api/v1.
 * - GitHub REST: @octokit/openapi (OpenAPI 3.0, generated/api.github.com.json, 13 MB): parsed once per worker;
 *   only the operations that are actually hit are extracted, each with the closure of the schemas it refers to.
 * - GitHub webhooks: @octokit/openapi-webhooks (OpenAPI 3.1): the issue_comment payloads.
 *
 * A check returns a list of problems (empty: conforms). Nothing here knows the fakes or the action.
 * The exceptions to the specs are in exceptions.ts, and only there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';
import {
  type ApiName,
  GITHUB_ANY_OPERATION_STATUSES,
  type JsonSchema,
  LIVE_NULLS,
  NETLIFY_RETRY,
  UNDOCUMENTED_OPERATIONS,
  type UndocumentedOperation,
} from './exceptions.js';
import { ROOT } from '../root.js';

export type { JsonSchema };

export interface HttpRequest {
  readonly method: string;
  /** Decoded path without the query, as the fake received it. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface HttpAnswer {
  readonly status: number;
  /** The JSON body (before serialization), or undefined for none. */
  readonly body?: unknown;
}

interface Param {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface Operation {
  readonly api: ApiName;
  /** operationId, e.g. `pulls/get` or `listSiteDeploys`. */
  readonly id: string;
  readonly method: string;
  readonly template: string;
  readonly params: readonly Param[];
  readonly body: { readonly required: boolean; readonly schema: JsonSchema | null } | null;
  /** By status ('200', '4XX', 'default'); schema null: the answer has no body. */
  readonly responses: ReadonlyMap<string, JsonSchema | null>;
  readonly undocumented?: UndocumentedOperation;
}

const modulePath = (...parts: string[]) => join(ROOT, 'node_modules', ...parts);

/** Where each API's paths start on the fakes. */
export const BASE_PATHS: Record<ApiName, string> = { netlify: '/api/v1', github: '' };

// ---------------------------------------------------------------------------------------------------------
// Loading (once per worker) and extracting operations

interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components?: Record<string, Record<string, any>>;
  definitions?: Record<string, any>;
  parameters?: Record<string, any>;
  responses?: Record<string, any>;
}

const documents = new Map<string, OpenApiDocument>();

function load(file: string): OpenApiDocument {
  let document = documents.get(file);
  if (!document) {
    document = JSON.parse(readFileSync(modulePath(file), 'utf8')) as OpenApiDocument;
    documents.set(file, document);
  }
  return document;
}

const SPEC_FILES: Record<ApiName, string> = {
  netlify: '@netlify/open-api/dist/swagger.json',
  github: '@octokit/openapi/generated/api.github.com.json',
};
const WEBHOOKS_FILE = '@octokit/openapi-webhooks/generated/api.github.com.json';

export function specVersion(api: ApiName | 'webhooks'): string {
  const name =
    api === 'netlify' ? '@netlify/open-api' : api === 'github' ? '@octokit/openapi' : '@octokit/openapi-webhooks';
  return `${name}@${(JSON.parse(readFileSync(modulePath(name, 'package.json'), 'utf8')) as { version: string }).version}`;
}

interface Route {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  /** Literal characters, to prefer /pulls/comments over /pulls/{pull_number}. */
  readonly weight: number;
}

const routeTables = new Map<ApiName, Route[]>();

function routes(api: ApiName): Route[] {
  let table = routeTables.get(api);
  if (table) return table;
  table = [];
  const add = (method: string, template: string) => {
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)');
    table?.push({
      method,
      template,
      pattern: new RegExp(`^${source}$`),
      weight: template.replace(/\{[^}]+\}/g, '').length,
    });
  };
  for (const [template, item] of Object.entries(load(SPEC_FILES[api]).paths)) {
    for (const method of Object.keys(item)) {
      if (HTTP_METHODS.has(method)) add(method.toUpperCase(), template);
    }
  }
  for (const extra of UNDOCUMENTED_OPERATIONS) if (extra.api === api) add(extra.method, extra.template);
  routeTables.set(api, table);
  return table;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** The operation a request is for, or a problem saying why there is none. */
export function findOperation(
  api: ApiName,
  method: string,
  path: string,
): { operation: Operation; params: Record<string, string> } | { problem: string } {
  const base = BASE_PATHS[api];
  if (!path.startsWith(base)) return { problem: `${method} ${path} is outside the API's base path ${base}` };
  const below = path.slice(base.length) || '/';
  let best: { route: Route; match: RegExpExecArray } | null = null;
  let pathExists = false;
  for (const route of routes(api)) {
    const match = route.pattern.exec(below);
    if (!match) continue;
    pathExists = true;
    if (route.method !== method) continue;
    if (!best || route.weight > best.route.weight) best = { route, match };
  }
  if (!best) {
    return {
      problem: `${method} ${below} is not an operation of ${specVersion(api)}${pathExists ? ' (the path exists with other methods)' : ''}`,
    };
  }
  const operation = operationFor(api, best.route.method, best.route.template);
  const names = [...best.route.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const params = Object.fromEntries(names.map((name, i) => [name, best.match[i + 1] as string]));
  return { operation, params };
}

const operations = new Map<string, Operation>();

export function operationFor(api: ApiName, method: string, template: string): Operation {
  const key = `${api} ${method} ${template}`;
  let operation = operations.get(key);
  if (!operation) {
    operation = extract(api, method, template);
    operations.set(key, operation);
  }
  return operation;
}

function extract(api: ApiName, method: string, template: string): Operation {
  const undocumented = UNDOCUMENTED_OPERATIONS.find(
    (u) => u.api === api && u.method === method && u.template === template,
  );
  if (undocumented) return undocumentedOperation(undocumented);
  const document = load(SPEC_FILES[api]);
  const item = document.paths[template] as Record<string, any>;
  const op = item[method.toLowerCase()] as Record<string, any>;
  const resolveRef = (node: any): any => {
    let value = node;
    for (let depth = 0; value && typeof value.$ref === 'string' && depth < 10; depth++)
      value = pointer(document, value.$ref);
    return value;
  };
  const byKey = new Map<string, Param>();
  for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const p = resolveRef(raw);
    if (p.in === 'body') continue;
    // OpenAPI 3 keeps the type in `schema`; Swagger 2 puts type, format and enum on the parameter itself.
    const schema = p.schema ?? pick(p, ['type', 'format', 'enum', 'items', 'minimum', 'maximum', 'default', 'pattern']);
    byKey.set(`${p.in} ${p.name}`, { name: p.name, in: p.in, required: p.required === true, schema });
  }
  let body: Operation['body'] = null;
  const swaggerBody = [...(item.parameters ?? []), ...(op.parameters ?? [])]
    .map(resolveRef)
    .find((p: any) => p.in === 'body');
  if (swaggerBody) body = { required: swaggerBody.required === true, schema: swaggerBody.schema ?? null };
  if (op.requestBody) {
    const requestBody = resolveRef(op.requestBody);
    body = { required: requestBody.required === true, schema: jsonContent(requestBody.content) };
  }
  const responses = new Map<string, JsonSchema | null>();
  for (const [status, raw] of Object.entries<any>(op.responses ?? {})) {
    const response = resolveRef(raw);
    responses.set(status, response.content ? jsonContent(response.content) : (response.schema ?? null));
  }
  return {
    api,
    id: op.operationId ?? `${method} ${template}`,
    method,
    template,
    params: [...byKey.values()],
    body,
    responses,
  };
}

function undocumentedOperation(u: UndocumentedOperation): Operation {
  if (u.api === 'netlify') {
    const like = operationFor('netlify', NETLIFY_RETRY.answersLike.method, NETLIFY_RETRY.answersLike.template);
    const params = Object.entries(NETLIFY_RETRY.pathParams).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema,
    }));
    return {
      api: u.api,
      id: u.id,
      method: u.method,
      template: u.template,
      params,
      body: null,
      responses: like.responses,
      undocumented: u,
    };
  }
  // GraphQL: checked by graphql.ts; the REST checks see an operation with no declared parameters.
  return {
    api: u.api,
    id: u.id,
    method: u.method,
    template: u.template,
    params: [],
    body: null,
    responses: new Map(),
    undocumented: u,
  };
}

function jsonContent(content: Record<string, any> | undefined): JsonSchema | null {
  if (!content) return null;
  const entry = content['application/json'] ?? Object.entries(content).find(([type]) => type.includes('json'))?.[1];
  return entry?.schema ?? null;
}

function pick(source: Record<string, unknown>, keys: readonly string[]): JsonSchema {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

function pointer(document: unknown, ref: string): any {
  if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`);
  let node: any = document;
  for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`$ref ${ref} points at nothing`);
  return node;
}

// ---------------------------------------------------------------------------------------------------------
// Compiling schemas: OpenAPI 3.0 `nullable` and Swagger `x-nullable` become JSON Schema, the referenced
// components are bundled under $defs, and each schema is compiled once per worker.

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
const addFormats = ((formatsModule as any).default ?? formatsModule) as (a: Ajv2020) => Ajv2020;
addFormats(ajv);
// Netlify's spec writes `dateTime` for date-time; the others are descriptive only.
ajv.addFormat('dateTime', ajv.formats['date-time'] as any);
for (const name of ['repo.nwo', 'timestamp']) ajv.addFormat(name, true);

const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema of one of the documents, with every schema it refers to. */
function compile(
  key: string,
  file: string,
  schema: JsonSchema,
  nullablePaths: readonly string[] = [],
): ValidateFunction {
  let validate = compiled.get(key);
  if (validate) return validate;
  const document = load(file);
  const defs: Record<string, unknown> = {};
  const pending = [schema];
  const seen = new Set<string>();
  while (pending.length) {
    const node = pending.pop();
    for (const ref of refsIn(node)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const target = pointer(document, ref) as JsonSchema;
      defs[defName(ref)] = target;
      pending.push(target);
    }
  }
  const root = toJsonSchema(structuredClone(schema)) as JsonSchema;
  for (const path of nullablePaths) makeNullable(root, path.split('.'), defs);
  const bundled = {
    ...root,
    $defs: Object.fromEntries(Object.entries(defs).map(([name, s]) => [name, toJsonSchema(structuredClone(s))])),
  };
  validate = ajv.compile(bundled);
  compiled.set(key, validate);
  return validate;
}

function defName(ref: string): string {
  return ref.slice(2).replace(/\//g, '.');
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) refsIn(item, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else if (!SKIPPED_KEYWORDS.has(key)) refsIn(value, found);
    }
  }
  return found;
}

/** Keywords whose values are data, not schemas. */
const SKIPPED_KEYWORDS = new Set(['example', 'examples', 'enum', 'const', 'default', 'x-github', 'x-octokit']);

function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = `#/$defs/${defName(value)}`;
    else if (key === 'nullable' || key === 'x-nullable') continue;
    else out[key] = SKIPPED_KEYWORDS.has(key) ? value : toJsonSchema(value);
  }
  return source.nullable === true || source['x-nullable'] === true ? withNull(out) : out;
}

function withNull(schema: Record<string, unknown>): Record<string, unknown> {
  if (typeof schema.type === 'string' && !schema.$ref && !schema.allOf && !schema.anyOf && !schema.oneOf) {
    const out: Record<string, unknown> = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
    return out;
  }
  return { anyOf: [schema, { type: 'null' }] };
}

/** Lets one dotted path of a schema be null (exceptions.ts LIVE_NULLS); items of an array root included. */
function makeNullable(root: JsonSchema, path: readonly string[], defs: Record<string, unknown>): void {
  let node: any = root.type === 'array' ? root.items : root;
  for (let i = 0; i < path.length; i++) {
    node = resolveLocal(node, defs);
    const properties = node?.properties as Record<string, any> | undefined;
    const key = path[i] as string;
    if (!properties?.[key]) throw new Error(`LIVE_NULLS names ${path.join('.')}, which the spec does not declare`);
    if (i === path.length - 1) properties[key] = withNull(properties[key]);
    else node = properties[key];
  }
}

function resolveLocal(node: any, defs: Record<string, unknown>): any {
  const value = node;
  while (value && typeof value.$ref === 'string' && value.$ref.startsWith('#/$defs/')) {
    // Copy the definition so that the change stays local to this use.
    const name = value.$ref.slice('#/$defs/'.length);
    const copy = structuredClone(defs[name]) as Record<string, unknown>;
    delete value.$ref;
    Object.assign(value, toJsonSchema(copy));
  }
  return value;
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined, where: string): string[] {
  const lines = (errors ?? []).map((e) => {
    const at = `${where}${e.instancePath || ''}`;
    const detail =
      e.keyword === 'required'
        ? `is missing required ${String((e.params as { missingProperty: string }).missingProperty)}`
        : e.keyword === 'enum'
          ? `${e.message} (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})`
          : e.message;
    return `${at} ${detail}`;
  });
  const unique = [...new Set(lines)];
  return unique.length > 12 ? [...unique.slice(0, 12), `${where}: and ${unique.length - 12} more`] : unique;
}

// ---------------------------------------------------------------------------------------------------------
// The checks

/** Problems with a request: the operation exists, parameters are declared and typed, the body validates. */
export function checkRequest(api: ApiName, request: HttpRequest): string[] {
  const found = findOperation(api, request.method, request.path);
  if ('problem' in found) return [found.problem];
  const { operation, params } = found;
  const problems: string[] = [];
  const name = `${operation.id}`;
  for (const param of operation.params) {
    const value =
      param.in === 'path' ? params[param.name] : param.in === 'query' ? request.query[param.name] : undefined;
    if (param.in !== 'path' && param.in !== 'query') continue;
    if (value === undefined) {
      if (param.required) problems.push(`${name}: required ${param.in} parameter ${param.name} is missing`);
      continue;
    }
    problems.push(...checkParam(operation, param, value));
  }
  for (const key of Object.keys(request.query)) {
    if (!operation.params.some((p) => p.in === 'query' && p.name === key)) {
      problems.push(`${name}: query parameter ${key} is not declared by the spec`);
    }
  }
  if (operation.undocumented?.api === 'github') return problems; // graphql.ts checks the body
  const sent = request.body.length > 0;
  if (!operation.body) {
    if (sent) problems.push(`${name}: sends a body, but the operation declares none`);
    return problems;
  }
  if (!sent) {
    if (operation.body.required) problems.push(`${name}: the required request body is missing`);
    return problems;
  }
  const type = String(request.headers['content-type'] ?? '');
  if (!type.includes('application/json'))
    problems.push(`${name}: the body is sent as ${type || 'no content-type'}, not application/json`);
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    problems.push(`${name}: the request body is not JSON`);
    return problems;
  }
  if (operation.body.schema) {
    const validate = compile(`${api} ${operation.id} request`, SPEC_FILES[api], operation.body.schema);
    if (!validate(body)) problems.push(...describeErrors(validate.errors, `${name} request body`));
  }
  return problems;
}

function checkParam(operation: Operation, param: Param, raw: string): string[] {
  const schema = param.schema;
  const value = coerce(raw, schema);
  const validate = compile(
    `${operation.api} ${operation.id} ${param.in} ${param.name}`,
    SPEC_FILES[operation.api],
    schema,
  );
  if (validate(value)) return [];
  return describeErrors(validate.errors, `${operation.id}: ${param.in} parameter ${param.name}=${JSON.stringify(raw)}`);
}

/** A parameter's text as the value of its declared type (left as text when it is not of that type). */
function coerce(raw: string, schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (type === 'array') return raw.split(',').map((item) => coerce(item, (schema.items as JsonSchema) ?? {}));
  return raw;
}

/** Problems with an answer: the status is declared for the operation and the body validates against it. */
export function checkResponse(api: ApiName, request: HttpRequest, answer: HttpAnswer): string[] {
  const found = findOperation(api, request.method, request.path);
  if ('problem' in found) return []; // the request check reports it
  const { operation } = found;
  if (operation.undocumented?.api === 'github') return []; // graphql.ts checks GraphQL answers
  const status = String(answer.status);
  let key = [status, `${status[0]}XX`, 'default'].find((k) => operation.responses.has(k));
  let schema = key ? operation.responses.get(key) : undefined;
  if (key === undefined && api === 'github' && GITHUB_ANY_OPERATION_STATUSES.includes(answer.status)) {
    key = `${status} (any operation)`;
    schema = { $ref: '#/components/schemas/basic-error' };
  }
  if (key === undefined || schema === undefined) {
    return [
      `${operation.id}: answers ${status}, which ${specVersion(api)} does not declare for it (declared: ${[...operation.responses.keys()].join(', ')})`,
    ];
  }
  const body = answer.body === undefined ? undefined : (JSON.parse(JSON.stringify(answer.body)) as unknown);
  if (schema === null) {
    return body === undefined || answer.status === 204
      ? []
      : [`${operation.id}: answers ${status} with a body, but the spec declares none`];
  }
  if (body === undefined) return [`${operation.id}: answers ${status} without the body the spec declares`];
  const nulls = answer.status < 300 ? (LIVE_NULLS[`${api} ${operation.id}`] ?? []) : [];
  const validate = compile(`${api} ${operation.id} ${key}`, SPEC_FILES[api], schema, nulls);
  return validate(body) ? [] : describeErrors(validate.errors, `${operation.id} ${status} body`);
}

/** Problems with an issue_comment webhook payload, against GitHub's webhook schema for its action. */
export function checkCommentPayload(payload: unknown): string[] {
  const action = (payload as { action?: unknown } | null)?.action;
  if (action !== 'created' && action !== 'edited' && action !== 'deleted') {
    return [`issue_comment payload: action ${JSON.stringify(action)} is none of created, edited, deleted`];
  }
  const name = `webhook-issue-comment-${action}`;
  const validate = compile(`webhooks ${name}`, WEBHOOKS_FILE, { $ref: `#/components/schemas/${name}` });
  return validate(payload) ? [] : describeErrors(validate.errors, `issue_comment ${action} payload`);
}

/** A named example from GitHub's REST description (components/examples), as a fresh copy. */
export function githubExample(name: string): any {
  const example = load(SPEC_FILES.github).components?.examples?.[name] as { value?: unknown } | undefined;
  if (!example?.value) throw new Error(`no example ${name} in ${specVersion('github')}`);
  return structuredClone(example.value);
}
