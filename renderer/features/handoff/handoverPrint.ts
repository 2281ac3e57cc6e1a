// The handover record (Biên bản giao nhận hồ sơ) of a closed batch, as document data for the queue.
import { handoverRecord, type HandoverDossier } from '../../../shared/documents';
import type { DocumentLayout, PrintDocument } from '../../../shared/documents/model';
import type { KioskHost, PrinterConfig } from '../../../shared/host';
import type { Printing } from '../../kiosk/printing';
import type { MotCuaDb } from '../../db';
import type { CenterConfig } from '../../desk/config';
import type { HandoffBatch } from './batch';

/** The layout of the printer that serves handover records: a thermal roll or a sheet. */
export function handoverLayout(printers: readonly PrinterConfig[]): DocumentLayout {
  const printer = printers.find((p) => p.roles.includes('handover'));
  return printer && (printer.paper === '58mm' || printer.paper === '80mm') ? 'thermal' : 'sheet';
}

/** Each dossier's line: the number of paper sets comes from its reception event when kept locally. */
export async function handoverDossiers(db: MotCuaDb, batch: HandoffBatch): Promise<HandoverDossier[]> {
  const rows = await db.dossiers.bulkGet(batch.dossierIds);
  const events = await db.events.where('dossierId').anyOf(batch.dossierIds).toArray();
  const sets = new Map<string, number>();
  for (const e of events) if (e.event.type === 'received') sets.set(e.dossierId, e.event.payload.sets);
  return batch.dossierIds.map((id, i) => {
    const state = rows[i]?.state;
    return { dossierCode: state?.code ?? id, procedureName: state?.procedureName ?? '', applicantName: state?.applicant?.name ?? '', sets: sets.get(id) ?? 1 };
  });
}

export async function handoverDocument(
  db: MotCuaDb,
  batch: HandoffBatch,
  context: { config: CenterConfig; departmentName: string; officerName: string; layout: DocumentLayout; reprint?: boolean },
): Promise<PrintDocument> {
  const { config } = context;
  const inbound = batch.direction === 'toCenter';
  return handoverRecord(
    {
      agency: config.agency,
      place: config.place,
      batchCode: batch.id,
      handedAt: batch.closedAt ?? new Date().toISOString(),
      direction: batch.direction,
      // Out: the Center hands the dossiers to the post for the department; back: the post brings the department's results.
      fromUnit: inbound ? context.departmentName : config.unitName,
      toUnit: inbound ? config.unitName : context.departmentName,
      courier: { name: batch.courierName, organisation: batch.sealNumber ? `Bưu điện (niêm phong số ${batch.sealNumber})` : 'Bưu điện' },
      officerName: context.officerName,
      dossiers: await handoverDossiers(db, batch),
    },
    { layout: context.layout, formSet: config.formSet, reprint: context.reprint },
  );
}

/**
 * Prints a closed batch's handover record to the printer that serves handover records; answers what
 * to tell the officer. A batch that carried nothing prints nothing.
 */
export async function printHandover(
  db: MotCuaDb,
  batch: HandoffBatch,
  context: { config: CenterConfig; departmentName: string; officerName: string; host: Pick<KioskHost, 'printers'>; printing: Pick<Printing, 'print'> },
): Promise<string> {
  if (batch.dossierIds.length === 0) return 'Lô không có hồ sơ nào nên không in biên bản.';
  const layout = handoverLayout(await context.host.printers.list().catch(() => []));
  const doc = await handoverDocument(db, batch, { ...context, layout });
  const queued = await context.printing.print(doc, { role: 'handover' });
  return queued.ok ? 'Đã đưa biên bản giao nhận vào hàng đợi in.' : queued.message;
}
