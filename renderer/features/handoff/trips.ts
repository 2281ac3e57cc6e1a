// Trips and dossiers per department (or other center) and per month, both directions, for reconciling
// transport with the post office (the Center pays per trip). A trip is a closed batch; its month is when it left.
import { vnDateKey } from '../../../shared/calendar';
import type { BatchDirection, HandoffBatch } from './batch';

export interface TripsRow {
  /** 'YYYY-MM', Vietnam time. */
  month: string;
  /** The department's id, or `center:<agency code>` for the trips to and from another center. */
  departmentId: string;
  departmentName: string;
  outboundTrips: number;
  outboundDossiers: number;
  inboundTrips: number;
  inboundDossiers: number;
}

export const DIRECTION_LABELS: Readonly<Record<BatchDirection, string>> = {
  toDepartment: 'Trung tâm → cơ quan giải quyết',
  toCenter: 'Cơ quan giải quyết → Trung tâm',
};

/** Rows by month (newest first), then department name; open batches have not travelled yet. */
export function tripsReport(batches: readonly HandoffBatch[], departmentName: (id: string) => string, centerName: (code: string) => string = (code) => `Trung tâm mã ${code}`): TripsRow[] {
  const rows = new Map<string, TripsRow>();
  for (const batch of batches) {
    if (batch.state === 'open' || !batch.closedAt) continue;
    const month = vnDateKey(new Date(batch.closedAt)).slice(0, 7);
    const party = batch.centerCode !== undefined ? `center:${batch.centerCode}` : batch.departmentId;
    const key = `${month}|${party}`;
    let row = rows.get(key);
    if (!row) {
      const name = batch.centerCode !== undefined ? centerName(batch.centerCode) : departmentName(batch.departmentId);
      row = { month, departmentId: party, departmentName: name, outboundTrips: 0, outboundDossiers: 0, inboundTrips: 0, inboundDossiers: 0 };
      rows.set(key, row);
    }
    if (batch.direction === 'toDepartment') {
      row.outboundTrips += 1;
      row.outboundDossiers += batch.dossierIds.length;
    } else {
      row.inboundTrips += 1;
      row.inboundDossiers += batch.dossierIds.length;
    }
  }
  return [...rows.values()].sort((a, b) => b.month.localeCompare(a.month) || a.departmentName.localeCompare(b.departmentName, 'vi'));
}

export const TRIPS_COLUMNS: readonly { key: keyof TripsRow; title: string; width: number }[] = [
  { key: 'month', title: 'Tháng', width: 10 },
  { key: 'departmentName', title: 'Cơ quan giải quyết', width: 44 },
  { key: 'outboundTrips', title: 'Số chuyến đi', width: 14 },
  { key: 'outboundDossiers', title: 'Số hồ sơ chuyển đi', width: 18 },
  { key: 'inboundTrips', title: 'Số chuyến về', width: 14 },
  { key: 'inboundDossiers', title: 'Số hồ sơ kết quả về', width: 20 },
];

/** 'YYYY-MM' as staff read it: 'MM/YYYY'. */
export function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}
