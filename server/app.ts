// The central server as a Fastify app built around a Db, so tests run it in process and main.ts
// runs it on a port. Every 4xx has the body { error: { code, message } } with a Vietnamese message;
// every response carries its request id (x-request-id), the key to its lines in the log.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '../shared/sync/protocol';
import { adminUiDirFrom, attachmentsDirFrom, DEFAULT_CENTER, DEFAULT_NOTICES, type CenterConfig, type NoticeConfig } from './config';
import { adminChangeRoutes } from './adminAudit';
import { adminUiRoutes } from './adminUi';
import { CenterDirectory } from './centers';
import { adminSettingRoutes } from './routes/adminSettings';
import type { AppContext } from './context';
import { allowCrossOrigin } from './cors';
import type { Db } from './db';
import { ApiError } from './errors';
import { NoticeDispatcher } from './notices/dispatcher';
import { noticeRoute } from './notices/outbox';
import { PullWaiters, SnapshotCache } from './pull';
import { PushCommitter } from './push';
import { installErrorHandler, sendFrameworkError } from './errorHandler';
import { LoginGuard, type LoginGuardOptions } from './loginGuard';
import { refuseBadText } from './textGuard';
import { fastifyLogOptions, REQUEST_ID_HEADER, type LogOptions } from './logging';
import { adminCatalogueRoutes } from './routes/adminCatalogue';
import { attachmentRoutes } from './routes/attachments';
import { auditRoutes } from './routes/audit';
import { CatalogueVersion, catalogueRoutes } from './routes/catalogue';
import { centerRoutes } from './routes/centers';
import { provinceRoutes } from './routes/province';
import { conflictRoutes } from './routes/conflicts';
import { deviceRoutes } from './routes/devices';
import { leaseRoutes } from './routes/leases';
import { lookupRoutes } from './routes/lookup';
import { noticeRoutes } from './routes/notices';
import { staffRoutes } from './routes/staff';
import { statusPageRoutes, type StatusPageOptions } from './routes/statusPage';
import { syncRoutes } from './routes/sync';

export interface AppOptions {
  db: Db;
  center?: Partial<CenterConfig>;
  sessionTtlMs?: number;
  enrolmentCodeTtlMs?: number;
  /** Absent: silent, as tests and benchmarks want; main.ts passes LOG_LEVEL. */
  log?: LogOptions;
  /** The login lockout's clock and hash pool size (tests). */
  login?: LoginGuardOptions;
  /** Absent: ATTACHMENTS_DIR / DATA_DIR through the config loader (the sync tests and benches set them). */
  attachmentsDir?: string;
  /** Absent: ADMIN_UI_DIR through the config loader (default out/renderer). */
  adminUiDir?: string;
  /** The public status page's rate limiter and clock (tests). */
  statusPage?: StatusPageOptions;
  /**
   * Notice channels (absent: none, nothing is queued). With a channel, the dispatcher runs with the
   * app unless `dispatch` is false (tests that run rounds themselves).
   */
  notices?: NoticeConfig & { dispatch?: boolean };
  /** The long polls waiting (tests watch them). */
  pullWaiters?: PullWaiters;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const notices = options.notices ?? DEFAULT_NOTICES;
  const channels = noticeRoute(notices);
  const anyChannel = Boolean(notices.email ?? notices.sms ?? notices.zalo);
  const center = { ...DEFAULT_CENTER, ...options.center };
  const snapshots = new SnapshotCache();
  const pullWaiters = options.pullWaiters ?? new PullWaiters();
  const ctx: AppContext = {
    db: options.db,
    // What a group commits is in the snapshot cache before its pushes are answered, and wakes the long
    // polls of its dossiers' centers: the one each belongs to and those on its route.
    pushes: new PushCommitter(options.db, anyChannel ? channels : undefined, (written) => {
      for (const w of written) snapshots.put(w.snapshot);
      pullWaiters.changed(written.flatMap((w) => [w.site, ...w.routeCenters]));
    }),
    snapshots,
    pullWaiters,
    // A catalogue change ends the long polls of the counters it concerns: an administrator's change reaches them at once.
    catalogueVersion: new CatalogueVersion(options.db, 1_000, (centerId) => pullWaiters.changed(centerId === null ? 'all' : [centerId])),
    center,
    centers: new CenterDirectory(options.db, center),
    sessionTtlMs: options.sessionTtlMs ?? 12 * 3600 * 1000,
    enrolmentCodeTtlMs: options.enrolmentCodeTtlMs ?? 24 * 3600 * 1000,
    loginGuard: new LoginGuard(options.login),
    notices,
  };
  const app = Fastify({
    ...fastifyLogOptions(options.log ?? { level: 'silent' }),
    bodyLimit: MAX_BODY_BYTES,
    // Errors the router raises before any route (a malformed %-escape, an overlong path parameter) get the API's own body too.
    frameworkErrors: (err, req, reply) => sendFrameworkError(err, req, reply),
    // No type coercion: a number sent as a string is a wrong type, answered with 400.
    ajv: { customOptions: { allErrors: false, coerceTypes: false, removeAdditional: false } },
  });

  installErrorHandler(app);
  // JSON only (and octet-stream for attachment chunks): Fastify's own text/plain parser would turn a wrong content type into a 400 instead of 415.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('device', null);
  app.decorateRequest('staff', null);
  refuseBadText(app);
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  allowCrossOrigin(app);
  // A long poll waiting when the server stops is answered now (and its connection closed), so closing does not wait out its 25 s.
  app.addHook('preClose', async () => pullWaiters.close());
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(new ApiError(404, 'NOT_FOUND').toBody()));
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // Asks the database too: while it is away this answers 503 DATABASE_UNAVAILABLE like every other call.
  app.get('/v1/health', async () => {
    await ctx.db.query('SELECT 1');
    return { ok: true, db: ctx.db.kind, agencyCode: ctx.center.agencyCode, serverTime: new Date().toISOString() };
  });
  deviceRoutes(app, ctx);
  staffRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  adminCatalogueRoutes(app, ctx);
  centerRoutes(app, ctx);
  provinceRoutes(app, ctx);
  leaseRoutes(app, ctx);
  syncRoutes(app, ctx);
  lookupRoutes(app, ctx);
  conflictRoutes(app, ctx);
  auditRoutes(app, ctx);
  attachmentRoutes(app, ctx, options.attachmentsDir ?? attachmentsDirFrom(process.env));
  statusPageRoutes(app, ctx, options.statusPage);
  noticeRoutes(app, ctx);
  if (anyChannel && options.notices?.dispatch !== false) {
    const dispatcher = new NoticeDispatcher(ctx.db, notices, ctx.center, app.log.child({ module: 'notices' }));
    dispatcher.start();
    app.addHook('onClose', () => dispatcher.stop());
  }
  adminChangeRoutes(app, ctx);
  adminSettingRoutes(app, ctx);
  adminUiRoutes(app, options.adminUiDir ?? adminUiDirFrom(process.env));
  await app.ready();
  return app;
}
