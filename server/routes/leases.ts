// Number leases: blocks of the daily dossier sequence and of receipt numbers handed to a counter
// ahead of time, so it can work a full day offline. A retried request gets the same blocks.
import type { FastifyInstance } from 'fastify';
import { DEFAULT_LEASE_BLOCK, MAX_LEASE_BLOCK, dossierSeqScope, leaseCeiling, receiptScope } from '../../shared/sync/leases';
import type { LeaseBlock, LeaseKind, LeaseRequest, LeaseResponse } from '../../shared/sync/protocol';
import { deviceAuth, deviceOf } from '../auth';
import { isRealDate } from '../eventCheck';
import type { DeviceRow } from '../auth';
import type { AppContext } from '../context';
import type { Queryable } from '../db';
import { ApiError } from '../errors';

async function leaseBlock(tx: Queryable, device: DeviceRow, requestId: string, kind: LeaseKind, scope: string, size: number): Promise<LeaseBlock | undefined> {
  await tx.query('INSERT INTO lease_counters (kind, scope, last_issued) VALUES ($1, $2, 0) ON CONFLICT (kind, scope) DO NOTHING', [kind, scope]);
  const { rows } = await tx.query<{ last_issued: number }>('SELECT last_issued FROM lease_counters WHERE kind = $1 AND scope = $2 FOR UPDATE', [kind, scope]);
  // Looked up under the scope's row lock: a copy of this request that got there first has committed its block by now.
  const prior = await tx.query<{ first_number: number; last_number: number }>('SELECT first_number, last_number FROM leases WHERE device_id = $1 AND request_id = $2 AND kind = $3 AND scope = $4', [
    device.id,
    requestId,
    kind,
    scope,
  ]);
  if (prior.rows[0]) return { kind, scope, first: prior.rows[0].first_number, last: prior.rows[0].last_number };
  const issued = rows[0]!.last_issued;
  const ceiling = leaseCeiling(kind);
  if (issued >= ceiling) return undefined;
  const first = issued + 1;
  const last = Math.min(issued + size, ceiling);
  await tx.query('UPDATE lease_counters SET last_issued = $3 WHERE kind = $1 AND scope = $2', [kind, scope, last]);
  await tx.query('INSERT INTO leases (request_id, device_id, kind, scope, first_number, last_number) VALUES ($1, $2, $3, $4, $5, $6)', [requestId, device.id, kind, scope, first, last]);
  return { kind, scope, first, last };
}

export function leaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: LeaseRequest }>(
    '/v1/leases',
    {
      onRequest: deviceAuth(ctx.db),
      schema: {
        body: {
          type: 'object',
          required: ['requestId'],
          additionalProperties: false,
          properties: {
            requestId: { type: 'string', minLength: 8, maxLength: 100 },
            dossierDates: { type: 'array', maxItems: 7, uniqueItems: true, items: { type: 'string', pattern: '^\\d{6}$' } },
            receiptSeries: {
              type: 'array',
              maxItems: 5,
              items: {
                type: 'object',
                required: ['formSymbol', 'series'],
                additionalProperties: false,
                properties: { formSymbol: { type: 'string', pattern: '^[A-Z0-9]{1,10}$' }, series: { type: 'string', pattern: '^\\d{2}T[A-Z]{2}$' } },
              },
            },
            blockSize: { type: 'integer', minimum: 1, maximum: MAX_LEASE_BLOCK },
          },
        },
      },
    },
    async (req): Promise<LeaseResponse> => {
      const device = deviceOf(req);
      const notADay = (req.body.dossierDates ?? []).find((d) => !isRealDate(`20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`));
      if (notADay) throw new ApiError(400, 'INVALID_REQUEST', `Ngày ${notADay} (dạng YYMMDD) không phải một ngày có thật trên lịch.`, { field: '/dossierDates', value: notADay });
      const size = req.body.blockSize ?? DEFAULT_LEASE_BLOCK;
      // Dossier numbers are per agency and day: the agency of the center the counter is enrolled into.
      const agencyCode = await ctx.centers.agencyCodeOf(device.site);
      const wanted: { kind: LeaseKind; scope: string }[] = [
        ...(req.body.dossierDates ?? []).map((d) => ({ kind: 'dossierSeq' as const, scope: dossierSeqScope(agencyCode, d) })),
        ...(req.body.receiptSeries ?? []).map((r) => ({ kind: 'receipt' as const, scope: receiptScope(r.formSymbol, r.series) })),
      ];
      // Scopes are locked in one order whatever order the request names them in, so two requests never deadlock.
      const key = (w: { kind: LeaseKind; scope: string }) => `${w.kind} ${w.scope}`;
      const lockOrder = [...wanted].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
      const issued = await ctx.db.transaction(async (tx) => {
        const out = new Map<string, LeaseBlock>();
        for (const w of lockOrder) {
          const b = await leaseBlock(tx, device, req.body.requestId, w.kind, w.scope, size);
          if (b) out.set(key(w), b);
        }
        return out;
      });
      const blocks = wanted.flatMap((w) => issued.get(key(w)) ?? []);
      return { counterIndex: device.counter_index, blocks, serverTime: new Date().toISOString() };
    },
  );
}
