// Push and pull: the two calls a counter makes all day.
import type { FastifyInstance } from 'fastify';
import { noteCounterReport } from '../counterReports';
import type { DossierEvent } from '../../shared/domain';
import { MAX_EVENTS_PER_PUSH, MAX_PULL_LIMIT, MAX_PULL_WAIT_SECONDS } from '../../shared/sync/protocol';
import type { DossierEventsResponse, PushEventRefused, PushResponse } from '../../shared/sync/protocol';
import { deviceAuth, deviceOf } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { refusalOf } from '../eventCheck';
import { pullBody, pullPage, type PullPage } from '../pull';
import { pushEvents } from '../push';
import { STORED_EVENT_COLUMNS, toStoredEvent, type StoredEventRow } from '../snapshots';

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { events: DossierEvent[] } }>(
    '/v1/push',
    {
      onRequest: deviceAuth(ctx.db),
      config: { checksOwnBodyText: true },
      // Checked before the schema so an oversized batch gets 413, not a generic 400.
      preValidation: async (req) => {
        const body = req.body as { events?: unknown } | null;
        if (body && Array.isArray(body.events) && body.events.length > MAX_EVENTS_PER_PUSH) throw new ApiError(413, 'TOO_MANY_EVENTS');
      },
      schema: {
        body: {
          type: 'object',
          required: ['events'],
          additionalProperties: false,
          // Only what is needed to answer each event by its id; the rest is checked per event (eventCheck.ts).
          properties: {
            events: {
              type: 'array',
              maxItems: MAX_EVENTS_PER_PUSH,
              items: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' } } },
            },
          },
        },
      },
    },
    async (req): Promise<PushResponse> => {
      const device = deviceOf(req);
      // An event that can never be stored as sent is refused alone; the others go on to the store.
      const refused = new Map<number, PushEventRefused>();
      const sound: DossierEvent[] = [];
      req.body.events.forEach((event, i) => {
        const refusal = refusalOf(event);
        if (!refusal) return void sound.push(event);
        refused.set(i, { id: event.id, status: 'refused', refusal });
        req.log.warn({ counterId: device.counter_id, eventId: event.id, code: refusal.code, field: refusal.field }, 'event refused');
      });
      const stored = await pushEvents(ctx.pushes, device, await ctx.centers.agencyCodes(), sound);
      let next = 0;
      const results = req.body.events.map((_, i) => refused.get(i) ?? stored[next++]!);
      return { results, serverTime: new Date().toISOString() };
    },
  );

  app.get<{ Querystring: { after?: string; limit?: string; wait?: string } }>(
    '/v1/pull',
    {
      onRequest: deviceAuth(ctx.db),
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            after: { type: 'string', pattern: '^\\d{1,15}$' },
            limit: { type: 'string', pattern: '^\\d{1,4}$' },
            // Seconds to hold the pull while nothing of the site changed (long poll), at most MAX_PULL_WAIT_SECONDS.
            wait: { type: 'string', pattern: '^\\d{1,2}$' },
          },
        },
      },
    },
    async (req, reply): Promise<Buffer> => {
      const site = deviceOf(req).site;
      const after = Number(req.query.after ?? 0);
      const limit = Math.min(Math.max(Number(req.query.limit ?? 500), 1), MAX_PULL_LIMIT);
      const waitMs = Math.min(Number(req.query.wait ?? 0), MAX_PULL_WAIT_SECONDS) * 1000;
      await noteCounterReport(ctx.db, deviceOf(req), req);
      // The dossiers of the counter's own center (dossiers_site_seq_idx), and those on whose route it
      // is, received or returned here for another center (dossiers_route_centers_idx); the rest are
      // looked up on demand (server/pull.ts).
      let page: PullPage;
      if (waitMs === 0) page = await pullPage(ctx.db, ctx.snapshots, site, after, limit);
      else {
        // Waiting from before the first read, so a change committed meanwhile is not slept through.
        const over = new AbortController();
        const gone = () => over.abort();
        reply.raw.once('close', gone);
        const changed = ctx.pullWaiters.wait(site, waitMs, over.signal);
        try {
          page = await pullPage(ctx.db, ctx.snapshots, site, after, limit);
          if (page.snapshots.length === 0 && !page.more) {
            await changed;
            if (!over.signal.aborted) page = await pullPage(ctx.db, ctx.snapshots, site, after, limit);
          }
        } finally {
          over.abort();
          reply.raw.off('close', gone);
        }
        // Answered because the server stops: the connection goes too, or closing would wait for it to idle out.
        if (ctx.pullWaiters.closing) reply.header('connection', 'close');
      }
      reply.type('application/json; charset=utf-8');
      return pullBody(page, { catalogueVersion: await ctx.catalogueVersion.current(site) });
    },
  );

  // The full event trail of one dossier (form 05 control sheet, older dossiers fetched on demand).
  app.get<{ Params: { id: string } }>(
    '/v1/dossiers/:id/events',
    { onRequest: deviceAuth(ctx.db), schema: { params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } } },
    async (req): Promise<DossierEventsResponse> => {
      const { rows } = await ctx.db.query<StoredEventRow>(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE dossier_id = $1::uuid ORDER BY seq`, [req.params.id]);
      return {
        events: rows.map(toStoredEvent),
        serverTime: new Date().toISOString(),
      };
    },
  );
}
