// What this counter tells the administrator with its pulls (shared/sync/adminProtocol.ts): its
// software version and its printers' state, in one line: `ok`, `none` or each problem by printer.
import type { KioskHost } from '../../shared/host';
import type { CounterReport } from '../../shared/sync/adminProtocol';

export async function counterReport(host: KioskHost): Promise<Omit<CounterReport, 'pendingOutbox'>> {
  const [info, settings] = await Promise.all([host.app.info(), host.settings.get()]);
  if (settings.printers.length === 0) return { appVersion: info.version, printerStatus: 'none' };
  const states = await Promise.all(settings.printers.map(async (p) => ({ name: p.name, status: await host.printers.status(p.id).catch(() => undefined) })));
  const problems = states.filter((s) => s.status?.state !== 'ready').map((s) => `${s.name}: ${s.status?.message ?? 'không hỏi được trạng thái'}`);
  return { appVersion: info.version, printerStatus: problems.length === 0 ? 'ok' : problems.join('; ').slice(0, 200) };
}
