// Attachments under a hostile network: the real server in process, the counter's IndexedDB store
// (fake-indexeddb) and a transport that drops requests, drops replies, goes offline and comes back,
// while the counter app is closed and reopened. Properties: interrupted uploads resume (no chunk
// reaches the server twice), the same bytes are stored once, and nothing captured is lost.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MotCuaDb } from '../../renderer/db';
import { dossierAttachments, evictConfirmed, pumpUploads, saveCapture, attachmentBytes } from '../../renderer/features/dossier/digitise/store';
import { CHUNK_SIZE, RECEIVED_CHUNKS_HEADER, parseReceivedHeader, type Sha256 } from '../../shared/attachments/protocol';
import type { AttachmentTransport } from '../../shared/attachments/upload';
import { startTestServer, type TestServer } from './harness';

const ROOT = mkdtempSync(join(tmpdir(), 'motcua-attachments-'));
process.env.ATTACHMENTS_DIR = ROOT;

const nodeSha256: Sha256 = async (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Deterministic bytes from a seed (fast-check shrinks the seed, not megabytes of arrays). */
function fileBytes(seed: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

type Fault = 'ok' | 'dropRequest' | 'dropResponse';

interface Network {
  online: boolean;
  faults: Fault[];
  /** (sha:n) → how many PUTs of that chunk reached the server. */
  chunkArrivals: Map<string, number>;
}

function injectTransport(server: TestServer, token: string, net: Network): AttachmentTransport {
  const auth = { authorization: `Bearer ${token}` };
  const send = async <T>(call: () => Promise<T>): Promise<T> => {
    if (!net.online) throw new Error('Mất kết nối mạng');
    const fault = net.faults.shift() ?? 'ok';
    if (fault === 'dropRequest') throw new Error('Yêu cầu bị mất trên đường truyền');
    const result = await call();
    if (fault === 'dropResponse') throw new Error('Phản hồi bị mất trên đường truyền');
    return result;
  };
  return {
    status: (sha) =>
      send(async () => {
        const r = await server.app.inject({ method: 'HEAD', url: `/v1/attachments/${sha}`, headers: auth });
        if (r.statusCode === 200) return { state: 'stored' } as const;
        if (r.statusCode === 206) return { state: 'partial', received: parseReceivedHeader(String(r.headers[RECEIVED_CHUNKS_HEADER])) } as const;
        if (r.statusCode === 404) return { state: 'absent' } as const;
        throw new Error(`HEAD ${r.statusCode}`);
      }),
    putChunk: (sha, n, bytes) =>
      send(async () => {
        const r = await server.app.inject({ method: 'PUT', url: `/v1/attachments/${sha}/chunks/${n}`, headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: Buffer.from(bytes) });
        net.chunkArrivals.set(`${sha}:${n}`, (net.chunkArrivals.get(`${sha}:${n}`) ?? 0) + 1);
        if (r.statusCode !== 204) throw new Error(`PUT ${r.statusCode} ${r.body}`);
      }),
    complete: (manifest) =>
      send(async () => {
        const r = await server.app.inject({ method: 'POST', url: `/v1/attachments/${manifest.sha256}/complete`, headers: auth, payload: manifest });
        if (r.statusCode !== 200) throw new Error(`POST ${r.statusCode} ${r.body}`);
        return r.json();
      }),
  };
}

function storedFile(sha: string): Buffer {
  return readFileSync(join(ROOT, sha.slice(0, 2), sha));
}

describe('attachments over an unreliable network', () => {
  let server: TestServer;
  let tokenA: string;
  let tokenB: string;
  beforeAll(async () => {
    server = await startTestServer();
    tokenA = (await server.enrol('Q1')).credential;
    tokenB = (await server.enrol('Q2')).credential;
  });
  afterAll(() => server?.close());

  it('resumes interrupted uploads, stores each file once and loses nothing across offline periods and restarts', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }), size: fc.integer({ min: 1, max: CHUNK_SIZE * 3 + 7 }) }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constantFrom<Fault>('ok', 'ok', 'dropRequest', 'dropResponse'), { maxLength: 30 }),
        fc.array(fc.constantFrom('offline', 'online', 'restart', 'pump'), { minLength: 1, maxLength: 12 }),
        async (files, faults, steps) => {
          run++;
          const idb = new IDBFactory();
          const open = () => new MotCuaDb(`run${run}`, { indexedDB: idb, IDBKeyRange });
          let db = open();
          const net: Network = { online: true, faults: [...faults], chunkArrivals: new Map() };
          const transport = injectTransport(server, tokenA, net);
          const dossierId = `00000000-0000-4000-8000-${String(run).padStart(12, '0')}`;
          const captured = files.map((f, line) => ({ line, bytes: fileBytes(f.seed * 7919 + run, f.size) }));
          for (const c of captured) {
            await saveCapture(db, nodeSha256, c.bytes, {
              dossierId,
              checklistLine: c.line,
              documentName: `Giấy tờ ${c.line + 1}`,
              mediaType: 'application/pdf',
              pages: 1,
              source: 'camera',
              capturedAt: new Date().toISOString(),
              capturedBy: 'tiepnhan1',
            });
          }
          for (const step of steps) {
            if (step === 'offline') net.online = false;
            else if (step === 'online') net.online = true;
            else if (step === 'restart') {
              db.close();
              db = open();
            } else await pumpUploads(db, transport);
          }
          // The network heals; the counter keeps pumping until everything is confirmed.
          net.online = true;
          net.faults = [];
          const final = await pumpUploads(db, transport);
          expect(final.failed).toEqual([]);
          const { attachments } = await dossierAttachments(db, dossierId);
          expect(attachments).toHaveLength(captured.length);
          for (const c of captured) {
            const record = attachments.find((a) => a.checklistLine === c.line)!;
            expect(record.upload).toBe('confirmed');
            expect(storedFile(record.sha256).equals(Buffer.from(c.bytes))).toBe(true);
            expect(Buffer.from((await attachmentBytes(db, record))!).equals(Buffer.from(c.bytes))).toBe(true);
          }
          // Resume, not restart: a chunk the server had acknowledged or silently received is never sent again.
          for (const [key, arrivals] of net.chunkArrivals) expect(arrivals, key).toBe(1);
          db.close();
        },
      ),
      { numRuns: 20, endOnFailure: true },
    );
    expect(readdirSync(join(ROOT, 'partial')).length).toBe(0);
  });

  it('stores the same file captured twice, at two counters, once', async () => {
    const bytes = fileBytes(424242, CHUNK_SIZE + 99);
    const sha = await nodeSha256(bytes);
    const results = [];
    for (const [i, token] of [tokenA, tokenB].entries()) {
      const db = new MotCuaDb(`twice${i}`, { indexedDB: new IDBFactory(), IDBKeyRange });
      const capture = {
        dossierId: 'd-twice',
        checklistLine: 0,
        documentName: 'Căn cước',
        mediaType: 'application/pdf' as const,
        pages: 1,
        source: 'scanner' as const,
        capturedAt: new Date().toISOString(),
        capturedBy: 'x',
      };
      // Captured twice on the same counter: still one local row.
      await saveCapture(db, nodeSha256, bytes, capture);
      await saveCapture(db, nodeSha256, bytes, { ...capture, capturedAt: new Date(Date.now() + 1000).toISOString() });
      expect((await dossierAttachments(db, 'd-twice')).attachments).toHaveLength(1);
      results.push(await pumpUploads(db, injectTransport(server, token, { online: true, faults: [], chunkArrivals: new Map() })));
      expect(await evictConfirmed(db, new Date(Date.now() + 60_000).toISOString())).toBe(1);
      const [record] = (await dossierAttachments(db, 'd-twice')).attachments;
      expect(await attachmentBytes(db, record!)).toBeUndefined();
      db.close();
    }
    expect(results.map((r) => r.confirmed[0]!.duplicate)).toEqual([false, true]);
    expect(results[1]!.confirmed[0]!.sentChunks).toBe(0);
    const { rows } = await server.db.query<{ n: number; uploads: number }>('SELECT count(*)::int AS n, max(uploads) AS uploads FROM attachments WHERE sha256 = $1', [sha]);
    expect(rows[0]).toEqual({ n: 1, uploads: 1 });
    expect(readdirSync(join(ROOT, sha.slice(0, 2))).filter((f) => f.startsWith(sha))).toEqual([sha]);
  });

  it('refuses bytes that do not match their hash and asks for missing chunks by number', async () => {
    const auth = { authorization: `Bearer ${tokenA}` };
    const sha = 'f'.repeat(64);
    const put = await server.app.inject({
      method: 'PUT',
      url: `/v1/attachments/${sha}/chunks/0`,
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('không phải tệp này'),
    });
    expect(put.statusCode).toBe(204);
    const missing = await server.app.inject({
      method: 'POST',
      url: `/v1/attachments/${sha}/complete`,
      headers: auth,
      payload: { sha256: sha, size: CHUNK_SIZE + 1, mediaType: 'application/pdf', chunkSize: CHUNK_SIZE },
    });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.message).toContain('thiếu phần 1');
    const wrong = await server.app.inject({
      method: 'POST',
      url: `/v1/attachments/${sha}/complete`,
      headers: auth,
      payload: { sha256: sha, size: Buffer.byteLength('không phải tệp này'), mediaType: 'application/pdf', chunkSize: CHUNK_SIZE },
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toContain('không khớp mã băm');
    expect((await server.app.inject({ method: 'HEAD', url: `/v1/attachments/${sha}`, headers: auth })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'HEAD', url: `/v1/attachments/${sha}` })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'HEAD', url: '/v1/attachments/khong-hop-le', headers: auth })).statusCode).toBe(400);
  });
});
