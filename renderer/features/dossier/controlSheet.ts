// The control sheet (Mẫu 05 of 2018, Mẫu 06 of 2025) printed from the dossier's events: one row per
// handover between units, each judged against the legal deadline when the result moves.
import { controlSheet, type ControlSheetRow, type HandoverTiming } from '../../../shared/documents';
import type { AgencyHeader, DocumentLayout, FormSet, PrintDocument } from '../../../shared/documents/model';
import { describeEvent, vietnamDayNumber, parseInstant, type DossierEvent, type DossierState } from '../../../shared/domain';

const CENTER = 'Trung tâm Phục vụ Hành chính công';
const COURIER = 'Bưu điện';

function timingAt(at: string, dueAt: string | undefined): HandoverTiming | undefined {
  const a = parseInstant(at);
  const d = dueAt === undefined ? undefined : parseInstant(dueAt);
  if (a === undefined || d === undefined) return undefined;
  const [x, y] = [vietnamDayNumber(a), vietnamDayNumber(d)];
  return x < y ? 'early' : x === y ? 'onTime' : 'late';
}

export function controlSheetRows(
  events: readonly DossierEvent[],
  state: DossierState,
  departmentName: (id: string) => string | undefined,
  centerName: (agencyCode: string) => string | undefined = () => undefined,
): ControlSheetRow[] {
  const dept = (id: string | undefined) => (id ? (departmentName(id) ?? id) : 'Cơ quan giải quyết');
  const center = (code: string) => centerName(code) ?? `Trung tâm mã ${code}`;
  const rows: ControlSheetRow[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'handedToCourier':
        rows.push(
          e.payload.direction === 'toDepartment'
            ? { fromUnit: CENTER, toUnit: `${COURIER} (${e.payload.courierName})`, at: e.deviceTime, note: `Lô ${e.payload.batchId}` }
            : { fromUnit: dept(e.payload.departmentId), toUnit: `${COURIER} (${e.payload.courierName})`, at: e.deviceTime, note: `Lô ${e.payload.batchId}` },
        );
        break;
      case 'deliveredToDepartment':
        rows.push({ fromUnit: COURIER, toUnit: dept(state.departmentId), at: e.payload.at, note: `Lô ${e.payload.batchId}` });
        break;
      case 'resultReceived':
        rows.push({ fromUnit: COURIER, toUnit: CENTER, at: e.deviceTime, timing: timingAt(e.deviceTime, state.dueAt), note: describeEvent(e, { departmentName, centerName }) });
        break;
      // Between centers: the sending center hands the batch to the post, which brings it to the other center.
      case 'sentToCenter':
        rows.push({ fromUnit: center(e.payload.fromCenter), toUnit: `${COURIER} (${e.payload.courierName})`, at: e.deviceTime, note: describeEvent(e, { departmentName, centerName }) });
        break;
      case 'arrivedAtCenter':
        rows.push({ fromUnit: COURIER, toUnit: center(e.payload.center), at: e.deviceTime, note: describeEvent(e, { departmentName, centerName }) });
        break;
      case 'returned':
        rows.push({
          fromUnit: CENTER,
          toUnit: e.payload.method === 'post' ? `${COURIER} (bưu gửi ${e.payload.postalItemNumber ?? ''})` : e.payload.recipient.name,
          at: e.payload.at,
          note: e.payload.recipient.authorised ? 'Người được ủy quyền' : undefined,
        });
        break;
      case 'apologyIssued':
      case 'correctionRequested':
      case 'supplementRequested':
        rows.push({ fromUnit: dept(state.departmentId), toUnit: CENTER, at: e.deviceTime, note: describeEvent(e, { departmentName }) });
        break;
      default:
        break;
    }
  }
  return rows;
}

export function controlSheetFor(
  state: DossierState,
  events: readonly DossierEvent[],
  options: {
    agency: AgencyHeader;
    formSet: FormSet;
    departmentName: (id: string) => string | undefined;
    centerName?: (agencyCode: string) => string | undefined;
    layout?: DocumentLayout;
    barcodeKey?: string;
  },
): PrintDocument | undefined {
  if (!state.code || !state.receivedAt) return undefined;
  return controlSheet(
    {
      agency: options.agency,
      dossierCode: state.code,
      barcodeKey: options.barcodeKey,
      applicantName: state.applicant?.name ?? '',
      procedureName: state.procedureName ?? '',
      receivedAt: state.receivedAt,
      appointmentAt: state.dueAt ?? state.receivedAt,
      rows: controlSheetRows(events, state, options.departmentName, options.centerName),
    },
    // Built for the paper of the printer it goes to: a roll gets the stacked handovers and the dossier's key.
    { layout: options.layout ?? 'sheet', formSet: options.formSet },
  );
}
