// GET /tra-cuu/:code?k=<secret>: the public status page the slip's QR opens (server/statusPage.ts
// renders it). No login; the secret the counter recorded at reception (shared/codes
// `newStatusSecret`) is the only key. An unknown code, a wrong secret and a missing one get the same
// 404 page after the same work (one lookup, one constant-time comparison), so guessing reveals nothing.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseDossierCode } from '../../shared/codes';
import type { DossierEvent, DossierState } from '../../shared/domain';
import { DEFAULT_CENTER_ID } from '../centers';
import { centerWithSettings } from '../centerSetting';
import type { CenterConfig } from '../config';
import type { AppContext } from '../context';
import { optOut, OPT_OUT_SEGMENT } from '../notices/optOut';
import { OPT_OUT_PAGE_CSP, renderNotFoundPage, renderOptOutPage, renderStatusPage, renderTooManyPage, STATUS_PAGE_HEADERS, StatusPageLimiter, type StatusView } from '../statusPage';

/** The stable path of the page; a Center's `statusPageUrl` is `<public origin>/tra-cuu`. */
export const STATUS_PAGE_PATH = '/tra-cuu';

/** Compared when the code is unknown or has no secret, so that path does the same work as a wrong secret. */
const NO_SECRET = randomBytes(32).toString('hex');
const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** True only when `given` is the dossier's secret; the time taken does not depend on where they differ. */
export function secretMatches(given: string | undefined, stored: string | undefined): boolean {
  const same = timingSafeEqual(digest(given ?? ''), digest(stored ?? NO_SECRET));
  return same && given !== undefined && stored !== undefined;
}

/** The papers asked for by the supplement request in force: the counter's checklist lines or the department's items. */
function missingPapers(state: DossierState, events: readonly DossierEvent[]): string[] {
  const applied = new Set(state.eventIds);
  const last = events.filter((e) => applied.has(e.id)).at(-1);
  if (last?.type === 'supplementRequested') return last.payload.missing && last.payload.missing.length > 0 ? last.payload.missing : last.payload.items;
  if (last?.type === 'resultReceived' && last.payload.outcome === 'supplement') return last.payload.items ?? [];
  return [];
}

function viewOf(code: string, state: DossierState, events: readonly DossierEvent[]): StatusView {
  return {
    code,
    procedureName: state.procedureName,
    status: state.status,
    receivedAt: state.receivedAt,
    dueAt: state.dueAt,
    newDueAt: state.newDueAt,
    apologised: state.apologyCount > 0,
    resultReadyAt: state.resultReadyAt,
    returnedAt: state.returnedAt,
    byPost: state.collection?.method === 'post',
    missing: state.status === 'awaitingSupplement' ? missingPapers(state, events) : [],
  };
}

export interface StatusPageOptions {
  limiter?: StatusPageLimiter;
  now?: () => Date;
}

/**
 * Where the citizen collects: the center chosen for a dossier received across boundaries, else the
 * center that received it; the configured Center (with its hours and hotline, as set in Quản trị ›
 * Trung tâm, else the environment's) for the default one.
 */
async function collectingCenter(ctx: AppContext, state: DossierState, site: string): Promise<CenterConfig> {
  const centers = await ctx.centers.all();
  const chosen = state.route ? centers.find((c) => (c.agency_code ?? ctx.center.agencyCode) === state.route!.returnCenter) : centers.find((c) => c.id === site);
  if (!chosen || chosen.id === DEFAULT_CENTER_ID) return centerWithSettings(ctx.db, ctx.center);
  return { agencyCode: chosen.agency_code ?? ctx.center.agencyCode, centerName: chosen.name, ...(chosen.address ? { address: chosen.address } : {}) };
}

export function statusPageRoutes(app: FastifyInstance, ctx: AppContext, options: StatusPageOptions = {}): void {
  const limiter = options.limiter ?? new StatusPageLimiter();
  const now = options.now ?? (() => new Date());
  const send = (reply: FastifyReply, status: number, html: string) => reply.code(status).headers(STATUS_PAGE_HEADERS).send(html);

  /** The dossier whose code and secret belong together, after the same work whatever was asked; undefined otherwise. */
  const find = async (rawCode: string, k: unknown): Promise<{ code: string; state: DossierState; site: string } | undefined> => {
    const given = typeof k === 'string' ? k : undefined;
    const parsed = parseDossierCode(rawCode);
    const code = parsed.ok ? parsed.value.code : rawCode;
    const { rows } = await ctx.db.query<{ state: DossierState; site: string }>('SELECT state, site FROM dossiers WHERE code = $1 ORDER BY last_seq DESC LIMIT 1', [code]);
    const state = rows[0]?.state;
    return secretMatches(given, state?.statusSecret) && state ? { code, state, site: rows[0]!.site } : undefined;
  };
  const limited = (ip: string, reply: FastifyReply): FastifyReply | undefined => {
    const wait = limiter.hit(ip);
    return wait === undefined ? undefined : send(reply.header('retry-after', String(wait)), 429, renderTooManyPage(ctx.center, wait));
  };

  app.get<{ Params: { code: string }; Querystring: { k?: unknown } }>(`${STATUS_PAGE_PATH}/:code`, async (req, reply) => {
    const refused = limited(req.ip, reply);
    if (refused) return refused;
    const found = await find(req.params.code, req.query.k);
    if (!found) return send(reply, 404, renderNotFoundPage(ctx.center));
    const { code, state, site } = found;
    const { rows: events } = await ctx.db.query<{ body: DossierEvent }>(`SELECT body FROM events WHERE dossier_id = $1::uuid AND type IN ('supplementRequested', 'resultReceived') ORDER BY seq`, [
      state.id,
    ]);
    return send(
      reply,
      200,
      renderStatusPage(
        viewOf(
          code,
          state,
          events.map((e) => e.body),
        ),
        await collectingCenter(ctx, state, site),
        now(),
      ),
    );
  });

  // The link in a notice: opening it asks, the button (a form posted to the same address) stops the dossier's notices.
  app.register(async (scope) => {
    // The browser posts the button as a form; its body carries nothing the route reads.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) => done(null, {}));
    const optOutPage = (reply: FastifyReply, status: number, html: string) =>
      reply
        .code(status)
        .headers({ ...STATUS_PAGE_HEADERS, 'content-security-policy': OPT_OUT_PAGE_CSP })
        .send(html);
    scope.get<{ Params: { code: string }; Querystring: { k?: unknown } }>(`${STATUS_PAGE_PATH}/:code/${OPT_OUT_SEGMENT}`, async (req, reply) => {
      const refused = limited(req.ip, reply);
      if (refused) return refused;
      const found = await find(req.params.code, req.query.k);
      if (!found) return send(reply, 404, renderNotFoundPage(ctx.center));
      return optOutPage(reply, 200, renderOptOutPage(ctx.center, found.code, `${OPT_OUT_SEGMENT}?k=${found.state.statusSecret}`, false));
    });
    scope.post<{ Params: { code: string }; Querystring: { k?: unknown } }>(`${STATUS_PAGE_PATH}/:code/${OPT_OUT_SEGMENT}`, async (req, reply) => {
      const refused = limited(req.ip, reply);
      if (refused) return refused;
      const found = await find(req.params.code, req.query.k);
      if (!found) return send(reply, 404, renderNotFoundPage(ctx.center));
      await optOut(ctx.db, found.state.id, 'người nộp (đường dẫn trong thông báo)');
      return optOutPage(reply, 200, renderOptOutPage(ctx.center, found.code, '', true));
    });
  });
}
