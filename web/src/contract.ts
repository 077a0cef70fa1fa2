// The wire contract as types: every path, body and answer comes from docs/openapi.yaml
// through src/generated/openapi.ts (npm run gen:api). call() fills a path template and
// checks, at compile time, that the body and the answer are the ones the description gives
// for that method and path. How a call travels is in transport.ts.

import type { components, paths } from './generated/openapi';
import { request, type Method, type RequestOptions } from './transport';

export type Schemas = components['schemas'];
/** Every error code the server sends (the ErrorCode enum). */
export type ErrorCode = Schemas['ErrorCode'];

type Lower<M extends Method> = Lowercase<M>;
type Path = keyof paths;

/** The paths that have an operation for this method. */
export type PathWith<M extends Method> = {
  [P in Path]: paths[P][Lower<M>] extends { responses: unknown } ? P : never;
}[Path];

type Operation<M extends Method, P extends PathWith<M>> = NonNullable<paths[P][Lower<M>]>;

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
type Responses<O> = O extends { responses: infer R } ? R : never;
/** The JSON of the success answer (undefined for 204). */
export type Answer<O> = JsonContent<Responses<O>[Extract<keyof Responses<O>, 200 | 201 | 204>]>;

type PathParams<O> = O extends { parameters: { path: infer PP } } ? PP : never;
type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Exclude<Q, undefined> : never;
type RequestJson<O> = O extends { requestBody?: infer RB }
  ? NonNullable<RB> extends { content: { 'application/json': infer B } }
    ? B
    : never
  : never;
type BodyRequired<O> = O extends { requestBody: { content: unknown } } ? true : false;

/** What a call needs besides method and path: the path's ids, the query, the body. */
export type CallArgs<O> = ([PathParams<O>] extends [never] ? object : { params: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? object : { query?: QueryParams<O> }) &
  ([RequestJson<O>] extends [never]
    ? object
    : BodyRequired<O> extends true
      ? { body: RequestJson<O> }
      : { body?: RequestJson<O> });

const enc = encodeURIComponent;

/** Fills `{name}` segments from params and appends the query (values are encoded, commas kept). */
export function fillPath(
  template: string,
  params: Record<string, string> = {},
  query: Record<string, string | undefined> = {},
): string {
  const path = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return enc(value);
  });
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined && v !== '');
  if (!pairs.length) return path;
  return `${path}?${pairs.map(([k, v]) => `${enc(k)}=${(v as string).split(',').map(enc).join(',')}`).join('&')}`;
}

/** One call of an operation of the description, typed by it. */
export function call<M extends Method, P extends PathWith<M>>(
  method: M,
  path: P,
  args: CallArgs<Operation<M, P>>,
  options?: RequestOptions,
): Promise<Answer<Operation<M, P>>> {
  const { params, query, body } = args as {
    params?: Record<string, string>;
    query?: Record<string, string | undefined>;
    body?: unknown;
  };
  return request<Answer<Operation<M, P>>>(method, fillPath(path, params, query), body, options);
}
