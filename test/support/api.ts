import request from 'supertest';
import type { Test } from 'supertest';
import type { TestApp } from '../harness/test-app';

/** Headers most requests need, by name; `headers` adds any other. */
export interface RequestOptions {
  /** The record version the caller last read: a number becomes the strong ETag `"n"`, a string is sent as given. */
  ifMatch?: number | string;
  idempotencyKey?: string;
  /** Sent as Accept-Language. */
  lang?: string;
  headers?: Record<string, string>;
  /** Query-string parameters, as supertest's `.query()` takes them. */
  query?: object | string;
}

/** One caller's view of the API: every request carries its bearer token. Each call returns supertest's `Test`. */
export interface ApiClient {
  get(url: string, options?: RequestOptions): Test;
  delete(url: string, options?: RequestOptions): Test;
  post(url: string, body?: object | string, options?: RequestOptions): Test;
  patch(url: string, body?: object | string, options?: RequestOptions): Test;
  put(url: string, body?: object | string, options?: RequestOptions): Test;
}

/** A test app (`createTestApp`) or a supertest agent (`request(server)`). */
export type ApiTarget = Pick<TestApp, 'http'> | ReturnType<typeof request>;

/**
 * Requests as the holder of `bearer` (the full header value, as `partnership.auth('coach')` gives it):
 * `as(t, a.auth('coach')).patch(url, body, { ifMatch: 2 }).expect(200)`.
 */
export function as(target: ApiTarget, bearer: string): ApiClient {
  const agent = () =>
    'http' in target && typeof target.http === 'function'
      ? target.http()
      : (target as ReturnType<typeof request>);
  const start = (
    method: 'get' | 'delete' | 'post' | 'patch' | 'put',
    url: string,
    body: unknown,
    options: RequestOptions = {},
  ) => {
    const req = agent()[method](url).set('authorization', bearer);
    if (options.ifMatch !== undefined)
      req.set('if-match', typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch);
    if (options.idempotencyKey !== undefined) req.set('idempotency-key', options.idempotencyKey);
    if (options.lang !== undefined) req.set('accept-language', options.lang);
    for (const [name, value] of Object.entries(options.headers ?? {})) req.set(name, value);
    if (options.query !== undefined) req.query(options.query);
    // Without a body the request has none (and no content-type), as a bare supertest call would.
    return body === undefined ? req : req.send(body as object | string);
  };
  return {
    get: (url, options) => start('get', url, undefined, options),
    delete: (url, options) => start('delete', url, undefined, options),
    post: (url, body, options) => start('post', url, body, options),
    patch: (url, body, options) => start('patch', url, body, options),
    put: (url, body, options) => start('put', url, body, options),
  };
}
