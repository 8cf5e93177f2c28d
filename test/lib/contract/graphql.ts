/**
 * GitHub's GraphQL API held to its public schema (@octokit/graphql-schema, schema.json, loaded once per worker):
 * the documents the action sends are validated with graphql-js (every rule of the spec), their variables
 * coerced to the declared types, and the fake's answers checked against the selection they answer: every
 * selected field present under its response key, nothing else, each value of the field's type (enums among
 * the enum's values, non-null fields never null), errors of GraphQL's error shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  type DocumentNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLInterfaceType,
  getVariableValues,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  validate,
} from 'graphql';
import { ROOT } from '../root.js';
import type { HttpAnswer, HttpRequest } from './specs.js';

const SCHEMA_FILE = join(ROOT, 'node_modules/@octokit/graphql-schema/schema.json');

let cached: GraphQLSchema | null = null;

export function githubSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { data?: unknown };
    cached = buildClientSchema((json.data ?? json) as Parameters<typeof buildClientSchema>[0]);
  }
  return cached;
}

interface Parsed {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Record<string, unknown>;
}

/** Reads the request; problems when it is not a GraphQL request GitHub would accept. */
export function parseGraphqlRequest(request: HttpRequest): { parsed: Parsed | null; problems: string[] } {
  const problems: string[] = [];
  const fail = (problem: string) => ({ parsed: null, problems: [...problems, `graphql: ${problem}`] });
  if (request.method !== 'POST') return fail(`sent as ${request.method}, not POST`);
  const type = String(request.headers['content-type'] ?? '');
  if (!type.includes('application/json'))
    problems.push(`graphql: the body is sent as ${type || 'no content-type'}, not application/json`);
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return fail('the body is not JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fail('the body is not an object');
  const { query, variables = {}, operationName, ...rest } = body as Record<string, unknown>;
  for (const key of Object.keys(rest)) problems.push(`graphql: the body has an unknown member ${key}`);
  if (typeof query !== 'string') return fail('the body has no query string');
  if (!variables || typeof variables !== 'object' || Array.isArray(variables))
    return fail('variables is not an object');
  if (operationName !== undefined && typeof operationName !== 'string') return fail('operationName is not a string');
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return fail(`the query does not parse: ${(error as Error).message}`);
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation)
    return fail(operationName ? `no operation named ${operationName}` : 'the document must hold exactly one operation');
  return { parsed: { document, operation, variables: variables as Record<string, unknown> }, problems };
}

/** Problems with a GraphQL request: the document against the schema, the variables against their types. */
export function checkGraphqlRequest(request: HttpRequest): string[] {
  const { parsed, problems } = parseGraphqlRequest(request);
  if (!parsed) return problems;
  const schema = githubSchema();
  for (const error of validate(schema, parsed.document)) problems.push(`graphql: ${error.message}`);
  if (problems.length) return problems;
  const coerced = getVariableValues(schema, parsed.operation.variableDefinitions ?? [], parsed.variables);
  for (const error of coerced.errors ?? []) problems.push(`graphql: ${error.message}`);
  return problems;
}

/** Problems with the fake's answer to a GraphQL request. */
export function checkGraphqlResponse(request: HttpRequest, answer: HttpAnswer): string[] {
  const body = answer.body === undefined ? undefined : (JSON.parse(JSON.stringify(answer.body)) as unknown);
  if (!isObject(body)) return [`graphql ${answer.status}: the answer is not a JSON object`];
  if (answer.status !== 200) {
    // Outside GraphQL itself (bad credentials, unparseable JSON): GitHub's REST-style error body.
    return typeof body.message === 'string' ? [] : [`graphql ${answer.status}: the error answer has no message`];
  }
  const problems: string[] = [];
  for (const key of Object.keys(body)) {
    if (!['data', 'errors', 'extensions'].includes(key))
      problems.push(`graphql: the answer has an unknown member ${key}`);
  }
  if (!('data' in body) && !('errors' in body)) problems.push('graphql: the answer has neither data nor errors');
  if ('errors' in body) problems.push(...checkErrors(body.errors));
  const { parsed } = parseGraphqlRequest(request);
  if (!parsed || !('data' in body) || body.data === null) {
    if ('data' in body && body.data === null && !Array.isArray(body.errors))
      problems.push('graphql: data is null without errors');
    return problems;
  }
  const schema = githubSchema();
  const root =
    parsed.operation.operation === 'mutation'
      ? schema.getMutationType()
      : parsed.operation.operation === 'query'
        ? schema.getQueryType()
        : schema.getSubscriptionType();
  if (!root) return [...problems, `graphql: the schema has no ${parsed.operation.operation} type`];
  problems.push(...checkSelection(body.data, root, parsed.operation.selectionSet, 'data', schema));
  return problems;
}

function checkErrors(errors: unknown): string[] {
  if (!Array.isArray(errors) || errors.length === 0) return ['graphql: errors is not a non-empty list'];
  const problems: string[] = [];
  for (const [i, error] of errors.entries()) {
    const at = `graphql: errors[${i}]`;
    if (!isObject(error)) {
      problems.push(`${at} is not an object`);
      continue;
    }
    if (typeof error.message !== 'string') problems.push(`${at} has no message`);
    if (
      error.path !== undefined &&
      !(Array.isArray(error.path) && error.path.every((p) => typeof p === 'string' || Number.isInteger(p)))
    ) {
      problems.push(`${at}.path is not a list of names and indexes`);
    }
    if (
      error.locations !== undefined &&
      !(
        Array.isArray(error.locations) &&
        error.locations.every((l) => isObject(l) && Number.isInteger(l.line) && Number.isInteger(l.column))
      )
    ) {
      problems.push(`${at}.locations is not a list of {line, column}`);
    }
    if (error.type !== undefined && typeof error.type !== 'string') problems.push(`${at}.type is not a string`);
  }
  return problems;
}

function checkSelection(
  value: unknown,
  type: GraphQLObjectType | GraphQLInterfaceType,
  selectionSet: SelectionSetNode,
  at: string,
  schema: GraphQLSchema,
): string[] {
  if (!isObject(value)) return [`${at} is not an object`];
  const problems: string[] = [];
  const expected = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      problems.push(`${at}: fragments are not supported by this checker; select fields directly`);
      continue;
    }
    const key = selection.alias?.value ?? selection.name.value;
    expected.add(key);
    const path = `${at}.${key}`;
    if (!Object.hasOwn(value, key)) {
      problems.push(`${path} is missing (it is selected)`);
      continue;
    }
    if (selection.name.value === '__typename') {
      if (typeof value[key] !== 'string') problems.push(`${path} is not a type name`);
      continue;
    }
    const field = type.getFields()[selection.name.value] as GraphQLField<unknown, unknown> | undefined;
    if (!field) {
      problems.push(`${path}: ${type.name} has no field ${selection.name.value}`);
      continue;
    }
    problems.push(...checkValue(value[key], field.type, selection.selectionSet, path, schema));
  }
  for (const key of Object.keys(value))
    if (!expected.has(key)) problems.push(`${at}.${key} is answered but was not selected`);
  return problems;
}

function checkValue(
  value: unknown,
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode | undefined,
  at: string,
  schema: GraphQLSchema,
): string[] {
  if (isNonNullType(type)) {
    if (value === null || value === undefined) return [`${at} is null, but its type ${String(type)} is non-null`];
    return checkValue(value, type.ofType, selectionSet, at, schema);
  }
  if (value === null) return [];
  if (isListType(type)) {
    if (!Array.isArray(value)) return [`${at} is not a list (${String(type)})`];
    return value.flatMap((item, i) => checkValue(item, type.ofType, selectionSet, `${at}[${i}]`, schema));
  }
  if (isEnumType(type)) {
    return type.getValues().some((v) => v.name === value)
      ? []
      : [`${at} is ${JSON.stringify(value)}, not a value of ${type.name}`];
  }
  if (isScalarType(type)) {
    const ok =
      type.name === 'Int'
        ? Number.isInteger(value)
        : type.name === 'Float'
          ? typeof value === 'number'
          : type.name === 'Boolean'
            ? typeof value === 'boolean'
            : typeof value === 'string'; // String, ID and GitHub's custom scalars (URI, DateTime, HTML...) are strings
    return ok ? [] : [`${at} is ${JSON.stringify(value)}, not a ${type.name}`];
  }
  if (!selectionSet) return [`${at}: ${String(type)} needs a selection`];
  if (isObjectType(type) || isInterfaceType(type)) return checkSelection(value, type, selectionSet, at, schema);
  if (isUnionType(type)) return [`${at}: union ${type.name} needs fragments, which this checker does not support`];
  return [`${at}: unexpected type ${String(type)}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
