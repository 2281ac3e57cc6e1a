// The handover record (Biên bản giao nhận hồ sơ) of a closed batch, as document data for the queue.
import { handoverRecord, type HandoverDossier } from '../../../shared/documents';
import type { DocumentLayout, PrintDocument } from '../../../shared/documents/model';
import type { KioskHost, PrinterConfig } from '../../../shared/host';
import type { Printing } from '../../kiosk/printing';
import type { MotCuaDb } from '../../db';
import type { CenterConfig } from '../../desk/config';
import type { HandoffBatch } from './batch';
import { cargoTitle, tripCargo } from './centers';
import type { HandoffSetup } from './useHandoffSetup';

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
  // Off a batch from another center, each line says what came of it: the papers, or the result (ready here once arrived).
  const between = batch.centerCode !== undefined && batch.direction === 'toCenter';
  return batch.dossierIds.map((id, i) => {
    const state = rows[i]?.state;
    const note = between && state ? cargoTitle(tripCargo(state.status)) : undefined;
    return { dossierCode: state?.code ?? id, procedureName: state?.procedureName ?? '', applicantName: state?.applicant?.name ?? '', sets: sets.get(id) ?? 1, ...(note ? { note } : {}) };
  });
}

/** Who the batch goes to or comes from (`counterpart`: a department's or another center's name) and this counter's own unit. */
export interface HandoverParties {
  counterpart: string;
  /** This center's name; the configured unit name when absent. */
  ownUnit?: string;
}

export async function handoverDocument(
  db: MotCuaDb,
  batch: HandoffBatch,
  context: HandoverParties & { config: CenterConfig; officerName: string; layout: DocumentLayout; reprint?: boolean },
): Promise<PrintDocument> {
  const { config } = context;
  const inbound = batch.direction === 'toCenter';
  const own = context.ownUnit ?? config.unitName;
  const dossiers = await handoverDossiers(db, batch);
  let carried: string | undefined;
  if (batch.centerCode !== undefined && batch.carried) carried = `${cargoTitle(batch.carried)} chuyển giữa các trung tâm`;
  else if (batch.centerCode !== undefined) {
    // Off a batch from another center: one cargo for all is said once; a mixed bag is said per dossier.
    const cargos = new Set(dossiers.map((d) => d.note));
    const [only] = cargos;
    carried = cargos.size === 1 && only ? `${only} chuyển giữa các trung tâm` : 'Giấy tờ hồ sơ và kết quả giải quyết chuyển giữa các trung tâm (ghi ở từng hồ sơ)';
    if (cargos.size === 1) for (const d of dossiers) delete d.note;
  }
  return handoverRecord(
    {
      agency: config.agency,
      place: config.place,
      batchCode: batch.id,
      handedAt: batch.closedAt ?? new Date().toISOString(),
      direction: batch.direction,
      // Out: the Center hands the dossiers to the post for the department (or another center); back: the post brings them.
      fromUnit: inbound ? context.counterpart : own,
      toUnit: inbound ? own : context.counterpart,
      ...(carried ? { carried } : {}),
      courier: { name: batch.courierName, organisation: batch.sealNumber ? `Bưu điện (niêm phong số ${batch.sealNumber})` : 'Bưu điện' },
      officerName: context.officerName,
      dossiers,
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
  context: HandoverParties & { config: CenterConfig; officerName: string; host: Pick<KioskHost, 'printers'>; printing: Pick<Printing, 'print'> },
): Promise<string> {
  if (batch.dossierIds.length === 0) return 'Lô không có hồ sơ nào nên không in biên bản.';
  const layout = handoverLayout(await context.host.printers.list().catch(() => []));
  const doc = await handoverDocument(db, batch, { ...context, layout });
  const queued = await context.printing.print(doc, { role: 'handover' });
  return queued.ok ? 'Đã đưa biên bản giao nhận vào hàng đợi in.' : queued.message;
}

/** The two parties of a batch as its record names them: the department or the other center, and this center. */
export function handoverParties(batch: HandoffBatch, setup: Pick<HandoffSetup, 'departmentName' | 'centerName' | 'ownCenter' | 'catalogue'>): HandoverParties {
  if (batch.centerCode === undefined) return { counterpart: setup.departmentName(batch.departmentId) };
  const ownName = setup.catalogue.centers.get(setup.ownCenter)?.name;
  return { counterpart: setup.centerName(batch.centerCode), ...(ownName ? { ownUnit: ownName } : {}) };
}
