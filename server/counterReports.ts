// What counters report with their pulls (COUNTER_REPORT_HEADER): the software version, the
// printers' state and the facts waiting in the outbox, for the administrator's list of counters.
// A counter pulls every few seconds: its row is written when the report changes, else at most
// every 30 s (the last sync the list shows is that recent).
import type { FastifyRequest } from 'fastify';
import { COUNTER_REPORT_HEADER, parseCounterReport } from '../shared/sync/adminProtocol';
import type { DeviceRow } from './auth';
import type { Db } from './db';

const REWRITE_MS = 30_000;
const lastWritten = new WeakMap<Db, Map<string, { at: number; report: string }>>();

export async function noteCounterReport(db: Db, device: DeviceRow, req: FastifyRequest, now = Date.now()): Promise<void> {
  const header = req.headers[COUNTER_REPORT_HEADER];
  const report = parseCounterReport(typeof header === 'string' ? header : undefined);
  const key = JSON.stringify(report ?? null);
  let seen = lastWritten.get(db);
  if (!seen) lastWritten.set(db, (seen = new Map()));
  const last = seen.get(device.id);
  if (last && last.report === key && now - last.at < REWRITE_MS) return;
  seen.set(device.id, { at: now, report: key });
  if (report) {
    await db.query('UPDATE devices SET last_seen_at = now(), app_version = $2, printer_status = $3, pending_outbox = $4 WHERE id = $1', [
      device.id,
      report.appVersion,
      report.printerStatus,
      report.pendingOutbox,
    ]);
  } else {
    await db.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [device.id]);
  }
}
