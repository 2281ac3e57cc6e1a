// Password guessing: a lockout that grows and says in Vietnamese how long to wait, no username
// discovery by timing, and a flood of wrong logins that slows neither pushes nor another officer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Db } from './db';
import { createStaff } from './routes/staff';
import { dossierCode, received } from '../tests/sync/events';
import { openTestDb, startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';

const OFFICER = { username: 'tiepnhan7', fullName: 'Nguyễn Thị Lan', roles: ['receiving' as const], password: 'mat-khau-cua-lan' };

let db: Db;
let clock = Date.parse('2026-01-12T01:00:00Z');
let app: FastifyInstance;

beforeAll(async () => {
  db = await openTestDb();
  await createStaff(db, OFFICER);
  app = await buildApp({ db, login: { now: () => clock } });
}, 60_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

const login = (username: string, password: string, remoteAddress = '10.0.0.5') => app.inject({ method: 'POST', url: '/v1/sessions', remoteAddress, payload: { username, password } });

describe('lockout', () => {
  it('200 wrong passwords at 22 per second do not end in the right one being accepted; the wait is said in Vietnamese, then it works', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      statuses.push((await login(OFFICER.username, `doan-sai-${i}`)).statusCode);
      clock += 45; // 22 a second
    }
    // Only the first few guesses were checked at all; the rest were refused without hashing.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(8);
    expect(statuses.slice(-100).every((s) => s === 429)).toBe(true);
    const right = await login(OFFICER.username, OFFICER.password);
    expect(right.statusCode).toBe(429);
    const body = right.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(body.error.message).toMatch(/^Đăng nhập sai quá nhiều lần\. Hãy đợi \d+ (giây|phút) rồi thử lại/);
    const wait = Number(right.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    // The lock grows with each guess: after a short wait it is still locked, after Retry-After it is not.
    clock += wait * 1000 + 1;
    expect((await login(OFFICER.username, OFFICER.password)).statusCode).toBe(201);
  });

  it('the same officer at another counter is not locked out by guesses from one address', async () => {
    for (let i = 0; i < 6; i++) await login(OFFICER.username, `sai-${i}`, '10.0.9.9');
    expect((await login(OFFICER.username, 'sai-nua', '10.0.9.9')).statusCode).toBe(429);
    expect((await login(OFFICER.username, OFFICER.password, '10.0.0.8')).statusCode).toBe(201);
  });

  it('one address guessing many names is locked too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await login(`ten-doan-${i}`, 'mat-khau-bat-ky', '10.0.7.7')).statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
  });
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('timing', () => {
  it('an unknown username costs the same hash work as a known one', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 12; i++) {
      let t = performance.now();
      expect((await login(OFFICER.username, 'khong-dung', `10.1.0.${i}`)).statusCode).toBe(401);
      known.push(performance.now() - t);
      t = performance.now();
      expect((await login(`khong-co-${i}`, 'khong-dung', `10.2.0.${i}`)).statusCode).toBe(401);
      unknown.push(performance.now() - t);
    }
    console.log(`login timing, median of 12: known user ${median(known).toFixed(1)} ms, unknown user ${median(unknown).toFixed(1)} ms`);
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
    expect(median(unknown)).toBeLessThan(median(known) * 1.6);
  });
});

describe('a flood of wrong logins', () => {
  let server: TestServer;
  let counter: { credential: string; counterId: string };
  let seq: number;

  beforeAll(async () => {
    server = await startTestServer();
    counter = await server.enrol('Q01');
    await createStaff(server.db, OFFICER);
    seq = await server.firstDossierSeq(counter);
  }, 60_000);
  afterAll(() => server.close());

  it("slows neither a push nor another officer's sign-in", async () => {
    // On this shared machine a hash takes 40–300 ms: the bounds are in units of a lone sign-in and a lone push.
    let t = performance.now();
    expect((await server.app.inject({ method: 'POST', url: '/v1/sessions', remoteAddress: '10.0.0.20', payload: { username: OFFICER.username, password: OFFICER.password } })).statusCode).toBe(201);
    const loneSignInMs = performance.now() - t;
    t = performance.now();
    const lone = await server.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { authorization: `Bearer ${counter.credential}` },
      payload: { events: [received(counter.counterId, dossierCode(seq++))] },
    });
    expect(lone.statusCode).toBe(200);
    const lonePushMs = performance.now() - t;
    const flood = Array.from({ length: 200 }, (_, i) =>
      server.app.inject({ method: 'POST', url: '/v1/sessions', remoteAddress: '10.9.9.9', payload: { username: i % 2 ? OFFICER.username : `ai-do-${i}`, password: `sai-${i}` } }),
    );
    await new Promise((r) => setTimeout(r, 20));
    t = performance.now();
    const signIn = await server.app.inject({ method: 'POST', url: '/v1/sessions', remoteAddress: '10.0.0.21', payload: { username: OFFICER.username, password: OFFICER.password } });
    const signInMs = performance.now() - t;
    t = performance.now();
    const push = await server.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { authorization: `Bearer ${counter.credential}` },
      payload: { events: [received(counter.counterId, dossierCode(seq))] },
    });
    const pushMs = performance.now() - t;
    const answers = await Promise.all(flood);
    console.log(
      `during a flood of 200 wrong logins from one address: officer sign-in ${signInMs.toFixed(0)} ms (alone ${loneSignInMs.toFixed(0)}), push ${pushMs.toFixed(0)} ms (alone ${lonePushMs.toFixed(0)})`,
    );
    expect(signIn.statusCode).toBe(201);
    expect(push.statusCode).toBe(200);
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
    // The officer waits at most for the one flood attempt already hashing, then for their own.
    expect(signInMs).toBeLessThan(3 * loneSignInMs + 300);
    expect(pushMs).toBeLessThan(3 * lonePushMs + 300);
  });
});
