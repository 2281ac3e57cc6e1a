import { describe, expect, it } from 'vitest';
import { buildApp } from './app';
import type { Db } from './db';
import { isDatabaseUnavailable } from './dbUnavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a database that is away from a fault in the request', () => {
    for (const err of [
      new Error('Connection terminated unexpectedly'),
      new Error('timeout expired'),
      withCode('ECONNREFUSED'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('25006', 'cannot execute INSERT in a read-only transaction'),
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
    ]) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    }
    for (const err of [
      new Error('timeout exceeded when trying to connect'),
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('42P01'),
      withCode('ENOENT'),
      new Error('boom'),
      'text',
      null,
    ]) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(false);
    }
  });
});

describe('a request while the database is away', () => {
  it('is answered 503 DATABASE_UNAVAILABLE in the API format, health included', async () => {
    const away = () => Promise.reject(new Error('Connection terminated unexpectedly'));
    const db: Db = { kind: 'postgres', query: away, transaction: away, exec: away, close: async () => undefined };
    const app = await buildApp({ db });
    try {
      for (const url of ['/v1/health', '/v1/device']) {
        const r = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer dev_x' } });
        expect(r.statusCode, url).toBe(503);
        expect(r.headers['retry-after']).toBe('5');
        const body = r.json() as { error: { code: string; message: string } };
        expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
        expect(body.error.message).toMatch(/không kết nối được cơ sở dữ liệu/);
      }
    } finally {
      await app.close();
    }
  });
});
