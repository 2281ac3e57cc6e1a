// The register (Mẫu 06 of 2018, Mẫu 07 of 2025: Sổ theo dõi hồ sơ) for a period. Its numbers come
// from the server, continuous through the calendar year for the whole Center; a dossier received
// offline shows "Chờ đồng bộ" until the counter has synced.
import { newWorkbook, xlsxBytes } from '../../ui/files';
import { formatVietnamDate } from '../../../shared/domain';
import { formNumberLabel } from '../../../shared/documents/forms';
import { REGISTER_COLUMNS as SHEET_COLUMNS, registerPage } from '../../../shared/documents/registerBook';
import { maskPhone } from '../../../shared/documents/format';
import type { FormSet, PrintDocument } from '../../../shared/documents/model';
import type { AgencyHeader } from '../../../shared/documents/model';
import type { DossierRow, MotCuaDb } from '../../db';
import { inPeriod, type Period } from '../../../shared/calendar';

export const PENDING_NUMBER = 'Chờ đồng bộ';

/** The column titles, the same on the printed page, the screen and the XLSX export (shared/documents). */
export const REGISTER_COLUMNS: readonly string[] = SHEET_COLUMNS.map((c) => c.title);

export interface RegisterEntry {
  number?: number;
  code: string;
  procedure: string;
  applicant: string;
  addressPhone: string;
  /** The same with the phone masked: what the screen shows (the print and the export are audited). */
  addressMaskedPhone: string;
  department: string;
  receivedAt: string;
  appointment: string;
  returnedAt: string;
  collection: string;
}

export function registerNumberText(n: number | undefined): string {
  return n === undefined ? PENDING_NUMBER : String(n).padStart(2, '0');
}

export function registerEntry(row: DossierRow, departmentName: (id: string) => string | undefined): RegisterEntry {
  const s = row.state;
  const a = s.applicant;
  const returnedVia = s.flags.returnMethod === 'post' ? 'Qua bưu điện' : s.flags.returnMethod === 'desk' ? 'Tại quầy' : '';
  const planned = s.collection?.method === 'post' ? 'Qua bưu điện (đăng ký)' : 'Tại quầy (đăng ký)';
  return {
    number: row.registerNumber,
    code: s.code ?? '',
    procedure: s.procedureName ?? '',
    applicant: a?.name ?? '',
    addressPhone: [a?.address, a?.phone].filter(Boolean).join(', '),
    addressMaskedPhone: [a?.address, a?.phone ? maskPhone(a.phone) : undefined].filter(Boolean).join(', '),
    department: s.departmentId ? (departmentName(s.departmentId) ?? s.departmentId) : '',
    receivedAt: s.receivedAt ? formatVietnamDate(s.receivedAt) : '',
    appointment: (s.dueAt ? formatVietnamDate(s.dueAt) : '') + (s.newDueAt ? ` (hẹn mới ${formatVietnamDate(s.newDueAt)})` : ''),
    returnedAt: s.returnedAt ? formatVietnamDate(s.returnedAt) : '',
    collection: returnedVia || planned,
  };
}

/** Numbered entries in register order, then those still waiting for their number by reception time. */
export async function registerEntries(db: MotCuaDb, period: Period, departmentName: (id: string) => string | undefined): Promise<RegisterEntry[]> {
  const rows: DossierRow[] = [];
  await db.dossiers.each((r) => {
    if (r.code && inPeriod(r.state.receivedAt, period)) rows.push(r);
  });
  rows.sort((a, b) => {
    if (a.registerNumber !== undefined && b.registerNumber !== undefined) return (a.registerYear ?? 0) - (b.registerYear ?? 0) || a.registerNumber - b.registerNumber;
    if (a.registerNumber !== undefined) return -1;
    if (b.registerNumber !== undefined) return 1;
    return (a.state.receivedAt ?? '').localeCompare(b.state.receivedAt ?? '');
  });
  return rows.map((r) => registerEntry(r, departmentName));
}

export function entryCells(e: RegisterEntry, options: { maskPhone?: boolean } = {}): string[] {
  return [
    registerNumberText(e.number),
    e.code,
    e.procedure,
    e.applicant,
    options.maskPhone ? e.addressMaskedPhone : e.addressPhone,
    e.department,
    e.receivedAt,
    e.appointment,
    e.returnedAt,
    e.collection,
    '',
  ];
}

export function registerFormNumber(formSet: FormSet): string {
  return formNumberLabel(formSet, 'register');
}

/** The A4 print of the register for the period: the register's one page layout (shared/documents), landscape. */
export function registerDocument(entries: RegisterEntry[], period: Period, agency: AgencyHeader, formSet: FormSet): PrintDocument {
  return registerPage(
    agency,
    `Kỳ: ${period.label} · ${entries.length} hồ sơ`,
    entries.map((e) => entryCells(e)),
    `Sổ theo dõi hồ sơ ${period.label}`,
    { layout: 'sheet', formSet },
  );
}

/** The register as an XLSX file (exceljs, loaded only when an export is asked for). */
export async function registerWorkbook(entries: RegisterEntry[], period: Period, agency: AgencyHeader): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.creator = agency.name;
  const ws = wb.addWorksheet('Sổ theo dõi hồ sơ', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([`${agency.name} – SỔ THEO DÕI HỒ SƠ`]).font = { bold: true, size: 14 };
  ws.addRow([`Kỳ: ${period.label}`]);
  ws.addRow([]);
  const header = ws.addRow([...REGISTER_COLUMNS]);
  header.font = { bold: true };
  header.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
  for (const e of entries) ws.addRow(entryCells(e));
  [6, 28, 40, 24, 30, 28, 12, 24, 14, 20, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return xlsxBytes(wb);
}

/** Row of the header in the exported sheet; entries follow it, one per row. */
export const REGISTER_HEADER_ROW = 4;
