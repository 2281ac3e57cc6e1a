// The counter's calls to the hall's queue, through the machine (KioskHost `queue.request`). Each
// answers `{ ok, value }` or `{ ok: false, message }` in Vietnamese; nothing here throws, because
// the desk goes on when the queue's machine is away.
import type { KioskHost, QueueAnswer } from '../../shared/host';
import type { CounterView, TicketView } from '../../shared/queue/api';
import type { Officer, QueueLine } from '../../shared/queue/model';
import type { QueueReport } from '../../shared/queue/report';
import type { MotCuaDb } from '../db';

export type { CounterView, TicketView };

export type Answer<T> = { ok: true; value: T } | { ok: false; unreachable: boolean; message: string };

async function ask<T>(host: KioskHost, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
  let answer: QueueAnswer;
  try {
    answer = await host.queue.request(body === undefined ? { method, path } : { method, path, body });
  } catch (error) {
    return { ok: false, unreachable: true, message: `Không hỏi được máy cục bộ về hàng chờ: ${(error as Error).message}` };
  }
  return answer.ok ? { ok: true, value: answer.value as T } : answer;
}

export function queueCalls(host: KioskHost, counter: number) {
  const at = (action: string) => `/api/counters/${counter}/${action}`;
  return {
    lines: () => ask<{ center: string[]; lines: QueueLine[] }>(host, 'GET', '/api/lines'),
    view: (lines: string[]) => ask<CounterView>(host, 'GET', `/api/counters/${counter}?lines=${encodeURIComponent(lines.join(','))}`),
    callNext: (lines: string[], officer: Officer) => ask<TicketView>(host, 'POST', at('call'), { lines, officer }),
    callAgain: (officer: Officer) => ask<TicketView>(host, 'POST', at('again'), { officer }),
    skip: () => ask<TicketView>(host, 'POST', at('skip'), {}),
    serve: (officer: Officer, dossiers: string[]) => ask<TicketView>(host, 'POST', at('serve'), { officer, dossiers }),
    transfer: (to: number) => ask<TicketView>(host, 'POST', at('transfer'), { to }),
    report: (from: string, to: string) => ask<QueueReport>(host, 'GET', `/api/report?from=${from}&to=${to}`),
  };
}

/**
 * The dossiers received or returned at this counter since `since` (the call of the citizen being
 * served): what the rating is tied to. The events table keeps every fact of the open dossiers and
 * of those this counter recorded; one pass over it at «Xong» (it has no index by time).
 */
export async function dossiersServedSince(db: MotCuaDb, counterId: string, since: string): Promise<string[]> {
  const rows = await db.events.filter(({ event: e }) => e.counterId === counterId && e.deviceTime >= since && (e.type === 'received' || e.type === 'returned')).toArray();
  rows.sort((a, b) => a.event.deviceTime.localeCompare(b.event.deviceTime));
  const codes: string[] = [];
  for (const { event: e } of rows) {
    const code = e.type === 'received' ? e.payload.code : (await db.dossiers.get(e.dossierId))?.code;
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}
