// Content-addressed, chunked, resumable attachment upload (shared/attachments/protocol.ts).
// Bytes live on the filesystem under ATTACHMENTS_DIR (default DATA_DIR/attachments): chunks in
// partial/<sha>/<n>, the checked file in <sha[0..2]>/<sha>. A file is stored once whatever how many
// counters send it. For larger deployments the same layout maps onto an S3-compatible bucket
// (object key = the relative path); see server/README.md.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AttachmentManifest, CompleteResponse } from '../../shared/attachments/protocol';
import { ATTACHMENT_MEDIA_TYPES, CHUNK_SIZE, MAX_ATTACHMENT_BYTES, RECEIVED_CHUNKS_HEADER, chunkCount, chunkRange, isSha256Hex, missingChunks } from '../../shared/attachments/protocol';
import { deviceAuth, deviceOf } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { REQUEST_ID_HEADER } from '../logging';

const storedPath = (root: string, sha: string) => join(root, sha.slice(0, 2), sha);
const partialDir = (root: string, sha: string) => join(root, 'partial', sha);

function checkSha(sha: string): void {
  if (!isSha256Hex(sha)) throw new ApiError(400, 'INVALID_REQUEST', 'Mã băm SHA-256 của tệp không hợp lệ (cần 64 ký tự 0-9, a-f).');
}

async function receivedChunks(root: string, sha: string): Promise<number[]> {
  const dir = partialDir(root, sha);
  if (!existsSync(dir)) return [];
  return (await readdir(dir))
    .filter((f) => /^\d+$/.test(f))
    .map(Number)
    .sort((a, b) => a - b);
}

async function hashChunks(dir: string, count: number): Promise<{ sha: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for (let n = 0; n < count; n++) {
    for await (const piece of createReadStream(join(dir, String(n)))) {
      hash.update(piece as Buffer);
      size += (piece as Buffer).length;
    }
  }
  return { sha: hash.digest('hex'), size };
}

export function attachmentRoutes(app: FastifyInstance, ctx: AppContext, root: string): void {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: CHUNK_SIZE }, (_req, body, done) => done(null, body));

  const onRequest = deviceAuth(ctx.db);
  app.head<{ Params: { sha256: string } }>('/v1/attachments/:sha256', { onRequest }, async (req, reply) => {
    checkSha(req.params.sha256);
    // The counter reads the received list from a browser page: let it see the header.
    reply.header('Access-Control-Expose-Headers', `Date, ${REQUEST_ID_HEADER}, ${RECEIVED_CHUNKS_HEADER}`);
    if (existsSync(storedPath(root, req.params.sha256))) return reply.code(200).send();
    const received = await receivedChunks(root, req.params.sha256);
    if (received.length === 0) return reply.code(404).send();
    return reply.code(206).header(RECEIVED_CHUNKS_HEADER, received.join(',')).send();
  });

  app.put<{ Params: { sha256: string; n: string }; Body: Buffer }>('/v1/attachments/:sha256/chunks/:n', { onRequest }, async (req, reply) => {
    checkSha(req.params.sha256);
    const n = Number(req.params.n);
    if (!/^\d{1,6}$/.test(req.params.n)) throw new ApiError(400, 'INVALID_REQUEST', 'Số thứ tự phần tệp không hợp lệ.');
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw new ApiError(400, 'INVALID_REQUEST', 'Phần tệp rỗng hoặc không gửi dạng application/octet-stream.');
    }
    if (n * CHUNK_SIZE >= MAX_ATTACHMENT_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Tệp đính kèm vượt quá 64 MiB. Chụp lại với độ phân giải thấp hơn.');
    // Already complete: the counter may resend after a lost reply; nothing to do.
    if (existsSync(storedPath(root, req.params.sha256))) return reply.code(204).send();
    const dir = partialDir(root, req.params.sha256);
    await mkdir(dir, { recursive: true });
    // Write then rename, so a chunk interrupted mid-write is never taken as received.
    const tmp = join(dir, `${n}.tmp-${process.pid}-${Date.now()}`);
    await writeFile(tmp, req.body);
    await rename(tmp, join(dir, String(n)));
    return reply.code(204).send();
  });

  app.post<{ Params: { sha256: string }; Body: AttachmentManifest }>(
    '/v1/attachments/:sha256/complete',
    {
      onRequest,
      schema: {
        body: {
          type: 'object',
          required: ['sha256', 'size', 'mediaType', 'chunkSize'],
          additionalProperties: false,
          properties: {
            sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            size: { type: 'integer', minimum: 0, maximum: MAX_ATTACHMENT_BYTES },
            mediaType: { type: 'string', enum: [...ATTACHMENT_MEDIA_TYPES] },
            chunkSize: { type: 'integer', const: CHUNK_SIZE },
          },
        },
      },
    },
    async (req): Promise<CompleteResponse> => {
      const device = deviceOf(req);
      const sha = req.params.sha256;
      checkSha(sha);
      if (req.body.sha256 !== sha) throw new ApiError(400, 'INVALID_REQUEST', 'Mã băm trong địa chỉ và trong bản kê khai khác nhau.');
      const target = storedPath(root, sha);
      if (existsSync(target)) {
        await ctx.db.query('UPDATE attachments SET uploads = uploads + 1 WHERE sha256 = $1', [sha]);
        await recordStored(ctx, sha, req.body, device.id);
        return { sha256: sha, size: (await stat(target)).size, duplicate: true };
      }
      const count = chunkCount(req.body.size, CHUNK_SIZE);
      const missing = missingChunks(await receivedChunks(root, sha), count);
      if (missing.length > 0) {
        throw new ApiError(409, 'INVALID_REQUEST', `Máy chủ chưa nhận đủ các phần của tệp (thiếu phần ${missing.slice(0, 10).join(', ')}). Máy quầy sẽ gửi tiếp.`, { missing });
      }
      const dir = partialDir(root, sha);
      for (let n = 0; n < count; n++) {
        const { start, end } = chunkRange(n, req.body.size, CHUNK_SIZE);
        if ((await stat(join(dir, String(n)))).size !== end - start) {
          await rm(join(dir, String(n)), { force: true });
          throw new ApiError(409, 'INVALID_REQUEST', `Phần ${n} của tệp sai kích thước; máy quầy sẽ gửi lại phần này.`, { missing: [n] });
        }
      }
      const checked = await hashChunks(dir, count);
      if (checked.sha !== sha || checked.size !== req.body.size) {
        await rm(dir, { recursive: true, force: true });
        throw new ApiError(409, 'INVALID_REQUEST', 'Nội dung tệp không khớp mã băm SHA-256; các phần đã nhận bị bỏ, máy quầy sẽ gửi lại từ đầu.');
      }
      await mkdir(join(root, sha.slice(0, 2)), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
      const out = await open(tmp, 'w');
      try {
        for (let n = 0; n < count; n++) for await (const piece of createReadStream(join(dir, String(n)))) await out.write(piece as Buffer);
        await out.sync();
      } finally {
        await out.close();
      }
      await rename(tmp, target);
      await rm(dir, { recursive: true, force: true });
      await recordStored(ctx, sha, req.body, device.id);
      return { sha256: sha, size: req.body.size, duplicate: false };
    },
  );
}

async function recordStored(ctx: AppContext, sha: string, manifest: AttachmentManifest, deviceId: string): Promise<void> {
  await ctx.db.query('INSERT INTO attachments (sha256, size, media_type, first_device_id) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING', [sha, manifest.size, manifest.mediaType, deviceId]);
}
