// The central server as a Fastify app built around a Db, so tests run it in process and main.ts
// runs it on a port. Every 4xx has the body { error: { code, message } } with a Vietnamese message.
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../shared/sync/protocol';
import { attachmentsDirFrom, DEFAULT_CENTER, type CenterConfig } from './config';
import type { AppContext } from './context';
import { allowCrossOrigin } from './cors';
import type { Db } from './db';
import { ApiError, ERROR_MESSAGES } from './errors';
import { attachmentRoutes } from './routes/attachments';
import { auditRoutes } from './routes/audit';
import { catalogueRoutes } from './routes/catalogue';
import { conflictRoutes } from './routes/conflicts';
import { deviceRoutes } from './routes/devices';
import { leaseRoutes } from './routes/leases';
import { lookupRoutes } from './routes/lookup';
import { staffRoutes } from './routes/staff';
import { syncRoutes } from './routes/sync';

export interface AppOptions {
  db: Db;
  center?: Partial<CenterConfig>;
  sessionTtlMs?: number;
  enrolmentCodeTtlMs?: number;
  logger?: boolean;
  /** Absent: ATTACHMENTS_DIR / DATA_DIR through the config loader (the sync tests and benches set them). */
  attachmentsDir?: string;
}

function toApiError(err: FastifyError): ApiError | undefined {
  if (err instanceof ApiError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (err.validation) {
    const first = err.validation[0];
    const where = `${err.validationContext ?? ''}${first?.instancePath ?? ''}`;
    return new ApiError(400, 'INVALID_REQUEST', `${ERROR_MESSAGES.INVALID_REQUEST} (${where}: ${first?.message ?? ''})`, err.validation.slice(0, 5));
  }
  if (err instanceof SyntaxError) return new ApiError(400, 'MALFORMED_JSON');
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return new ApiError(err.statusCode, 'INVALID_REQUEST');
  }
  return undefined;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const ctx: AppContext = {
    db: options.db,
    center: { ...DEFAULT_CENTER, ...options.center },
    sessionTtlMs: options.sessionTtlMs ?? 12 * 3600 * 1000,
    enrolmentCodeTtlMs: options.enrolmentCodeTtlMs ?? 24 * 3600 * 1000,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    // No type coercion: a number sent as a string is a wrong type, answered with 400.
    ajv: { customOptions: { allErrors: false, coerceTypes: false, removeAdditional: false } },
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const api = toApiError(err);
    if (api) return reply.code(api.status).send(api.toBody());
    req.log.error({ err }, 'unexpected server error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Máy chủ gặp lỗi không mong muốn. Dữ liệu chưa được ghi; máy quầy sẽ tự gửi lại.' } });
  });
  allowCrossOrigin(app);
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(new ApiError(404, 'NOT_FOUND').toBody()));
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.get('/v1/health', async () => ({ ok: true, db: ctx.db.kind, agencyCode: ctx.center.agencyCode, serverTime: new Date().toISOString() }));
  deviceRoutes(app, ctx);
  staffRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  leaseRoutes(app, ctx);
  syncRoutes(app, ctx);
  lookupRoutes(app, ctx);
  conflictRoutes(app, ctx);
  auditRoutes(app, ctx);
  attachmentRoutes(app, ctx, options.attachmentsDir ?? attachmentsDirFrom(process.env));
  await app.ready();
  return app;
}
