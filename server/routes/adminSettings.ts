// The administration screens read a catalogue setting before editing it (the Center, receipts,
// the idle lock): its body as stored, so a page changes its own fields and keeps the rest.
// Writing goes through PUT /v1/admin/catalogue/setting/:key, audited there.
import type { FastifyInstance } from 'fastify';
import { staffAuth } from '../auth';
import { provinceSetting } from '../centerSetting';
import type { AppContext } from '../context';

export function adminSettingRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { key: string } }>(
    '/v1/admin/settings/:key',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: { params: { type: 'object', required: ['key'], properties: { key: { type: 'string', minLength: 1, maxLength: 200 } } } },
    },
    async (req) => {
      const stored = await provinceSetting(ctx.db, req.params.key);
      return { key: req.params.key, body: stored?.body ?? null, version: stored?.version ?? null };
    },
  );
}
