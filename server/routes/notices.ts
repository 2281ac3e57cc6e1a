// Notices for supervisors and administrators: the failed (or every) notice with the reason, retry
// now, stop notices for a dossier at the applicant's request; the Center's texts, edited by an
// administrator and checked before they are saved.
import type { FastifyInstance } from 'fastify';
import { maskRecipient, NOTICE_KINDS, templateFieldProblem, type NoticeKind, type NoticePage, type NoticeTemplate, type NoticeRecord, type NoticeState } from '../../shared/notices/notices';
import { recordAdminChange } from '../adminAudit';
import { staffAuth, staffOf } from '../auth';
import type { AppContext } from '../context';
import type { Queryable } from '../db';
import { ApiError } from '../errors';
import { optOut } from '../notices/optOut';
import { loadTemplates } from '../notices/templates';

const SUPERVISORS = ['supervisor', 'administrator'] as const;
const MAX_LIST = 500;

export function noticeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { state?: 'failed' | 'waiting' | 'all'; dossierId?: string } }>(
    '/v1/notices',
    {
      onRequest: staffAuth(ctx.db, SUPERVISORS),
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { state: { type: 'string', enum: ['failed', 'waiting', 'all'], default: 'failed' }, dossierId: { type: 'string', format: 'uuid' } },
        },
      },
    },
    async (req): Promise<NoticePage> => {
      const state = req.query.state ?? 'failed';
      const where = state === 'failed' ? "n.state = 'failed'" : state === 'waiting' ? "n.state IN ('pending', 'sending', 'failed')" : 'true';
      const params: unknown[] = [MAX_LIST];
      const byDossier = req.query.dossierId ? ` AND n.dossier_id = $${params.push(req.query.dossierId)}::uuid` : '';
      const { rows } = await ctx.db.query<{
        id: string;
        dossier_id: string;
        dossier_code: string;
        kind: NoticeKind;
        channel: NoticeRecord['channel'];
        recipient: string;
        state: NoticeState;
        attempts: number;
        last_error: string | null;
        next_at: Date;
        created_at: Date;
        sent_at: Date | null;
        opted_out: boolean;
      }>(
        `SELECT n.id::text AS id, n.dossier_id::text AS dossier_id, n.dossier_code, n.kind, n.channel, n.recipient, n.state, n.attempts, n.last_error,
                n.next_at, n.created_at, n.sent_at, EXISTS (SELECT 1 FROM notice_optouts o WHERE o.dossier_id = n.dossier_id) AS opted_out
         FROM notices n WHERE ${where}${byDossier} ORDER BY n.created_at DESC, n.dossier_code, n.channel LIMIT $1`,
        params,
      );
      return {
        notices: rows.map((r) => ({
          id: r.id,
          dossierId: r.dossier_id,
          dossierCode: r.dossier_code,
          kind: r.kind,
          channel: r.channel,
          recipient: maskRecipient(r.recipient),
          state: r.state,
          attempts: r.attempts,
          lastError: r.last_error,
          nextAt: new Date(r.next_at).toISOString(),
          createdAt: new Date(r.created_at).toISOString(),
          sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
          optedOut: r.opted_out,
        })),
      };
    },
  );

  // A failed (or waiting) notice goes out at the dispatcher's next round, with a fresh count of attempts.
  app.post<{ Params: { id: string } }>(
    '/v1/notices/:id/retry',
    { onRequest: staffAuth(ctx.db, SUPERVISORS), schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } } },
    async (req) => {
      const { rows } = await ctx.db.query<{ state: NoticeState; opted_out: boolean }>(
        `SELECT n.state, EXISTS (SELECT 1 FROM notice_optouts o WHERE o.dossier_id = n.dossier_id) AS opted_out FROM notices n WHERE n.id = $1::uuid`,
        [req.params.id],
      );
      const n = rows[0];
      if (!n) throw new ApiError(404, 'NOT_FOUND', 'Không có thông báo này.');
      if (n.opted_out || n.state === 'cancelled') throw new ApiError(409, 'ALREADY_EXISTS', 'Người nộp đã từ chối nhận thông báo của hồ sơ này; không gửi lại.');
      if (n.state === 'sent') throw new ApiError(409, 'ALREADY_EXISTS', 'Thông báo này đã gửi xong; không gửi lại.');
      if (n.state === 'sending') throw new ApiError(409, 'ALREADY_EXISTS', 'Thông báo này đang được gửi; hãy tải lại sau ít phút.');
      await ctx.db.query("UPDATE notices SET state = 'pending', next_at = now(), attempts = 0, retried_by = $2 WHERE id = $1::uuid AND state IN ('pending', 'failed')", [
        req.params.id,
        staffOf(req).id,
      ]);
      return { id: req.params.id, state: 'pending' };
    },
  );

  // The applicant asked (at a counter, by phone) for no more notices about this dossier: what waits is cancelled, nothing new is queued.
  app.post<{ Body: { dossierId: string; note?: string } }>(
    '/v1/notices/opt-out',
    {
      onRequest: staffAuth(ctx.db, SUPERVISORS),
      schema: {
        body: {
          type: 'object',
          required: ['dossierId'],
          additionalProperties: false,
          properties: { dossierId: { type: 'string', format: 'uuid' }, note: { type: 'string', maxLength: 500 } },
        },
      },
    },
    async (req) => {
      const known = await ctx.db.query('SELECT 1 FROM dossiers WHERE id = $1::uuid', [req.body.dossierId]);
      if (known.rows.length === 0) throw new ApiError(404, 'NOT_FOUND', 'Không tìm thấy hồ sơ này trên máy chủ Trung tâm.');
      const cancelled = await optOut(ctx.db, req.body.dossierId, staffOf(req).id, req.body.note);
      return { dossierId: req.body.dossierId, optedOut: true, cancelled };
    },
  );

  app.get('/v1/admin/notice-templates', { onRequest: staffAuth(ctx.db, ['administrator']) }, async () => ({ templates: Object.values(await loadTemplates(ctx.db)) }));

  const kindParams = { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: NOTICE_KINDS } } } as const;
  const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

  app.put<{ Params: { kind: NoticeKind }; Body: { subject: string; body: string; sms: string } }>(
    '/v1/admin/notice-templates/:kind',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: {
        params: kindParams,
        body: { type: 'object', required: ['subject', 'body', 'sms'], additionalProperties: false, properties: { subject: text(200), body: text(4000), sms: text(1000) } },
      },
    },
    async (req) => {
      const problem = templateFieldProblem(req.body, ctx.notices.sms?.unaccented ?? true);
      if (problem) throw new ApiError(400, 'INVALID_REQUEST', problem.message, { kind: req.params.kind, field: problem.field });
      return ctx.db.transaction(async (tx) => {
        const before = await editedTemplate(tx, req.params.kind);
        await tx.query(
          `INSERT INTO notice_templates (kind, subject, body, sms, updated_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (kind) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, sms = EXCLUDED.sms, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [req.params.kind, req.body.subject, req.body.body, req.body.sms, staffOf(req).id],
        );
        const after = (await loadTemplates(tx))[req.params.kind];
        await recordAdminChange(tx, req, { action: 'noticeTemplate.put', targetKind: 'noticeTemplate', targetKey: req.params.kind, before, after: textsOf(after) });
        return after;
      });
    },
  );

  // Back to the default text; audited with the edited text as before and the default as after.
  app.delete<{ Params: { kind: NoticeKind } }>('/v1/admin/notice-templates/:kind', { onRequest: staffAuth(ctx.db, ['administrator']), schema: { params: kindParams } }, async (req) =>
    ctx.db.transaction(async (tx) => {
      const before = await editedTemplate(tx, req.params.kind);
      await tx.query('DELETE FROM notice_templates WHERE kind = $1', [req.params.kind]);
      const after = (await loadTemplates(tx))[req.params.kind];
      if (before) await recordAdminChange(tx, req, { action: 'noticeTemplate.reset', targetKind: 'noticeTemplate', targetKey: req.params.kind, before, after: textsOf(after) });
      return after;
    }),
  );
}

/** The texts a template says, as the audit records them. */
function textsOf(t: NoticeTemplate): NoticeTemplate {
  return { subject: t.subject, body: t.body, sms: t.sms };
}

/** The Center's edited texts for `kind` (locked for the change), or null while it uses the default. */
async function editedTemplate(tx: Queryable, kind: NoticeKind): Promise<NoticeTemplate | null> {
  const { rows } = await tx.query<NoticeTemplate>('SELECT subject, body, sms FROM notice_templates WHERE kind = $1 FOR UPDATE', [kind]);
  return rows[0] ? textsOf(rows[0]) : null;
}
