// Test fixtures shared by the receive unit tests and the benchmark page: a procedure, a filled
// form, and a context over a given database with a recording printer.
import type { Procedure } from '../../shared/catalogue';
import { workCalendar } from '../../shared/calendar';
import { RULE_VERSION } from '../../shared/domain';
import type { PrinterConfig } from '../../shared/host';
import type { MotCuaDb } from '../db';
import type { DeskContext } from '../desk/context';
import { DEFAULT_CENTER_CONFIG } from '../desk/config';
import { emptyForm, tickDocument, withProcedure, type ReceiveForm } from '../features/receive/form';
import type { PrintDocument, PrintRole } from '../desk/printouts';

export const LICENCE_PROCEDURE: Procedure = {
  code: '3.000348',
  localCode: '3.000348.000.00.00.H41',
  name: 'Cấp lại giấy phép lái xe',
  field: 'Đường bộ',
  departmentId: 'cong-an-tinh',
  departmentName: 'Công an tỉnh',
  agencyNote: '',
  processingDays: 5,
  fees: [{ name: 'Lệ phí cấp giấy phép lái xe', amount: 135000 }],
  feeNote: '',
  documents: [
    { name: 'Đơn đề nghị cấp lại giấy phép lái xe', originals: 1, copies: 0 },
    { name: 'Giấy khám sức khỏe của người lái xe', originals: 1, copies: 0 },
    { name: 'Bản sao giấy phép lái xe', originals: null, copies: 1 },
  ],
  documentNotes: [],
  collectionMethods: ['desk', 'post'],
  formVersion: '2025',
  source: 'test',
  demo: true,
  incomplete: [],
};

export const FREE_PROCEDURE: Procedure = { ...LICENCE_PROCEDURE, code: '1.002153', name: 'Đăng ký hành nghề luật sư với tư cách cá nhân', fees: [] };

export const THERMAL_PRINTER: PrinterConfig = { id: 'p1', name: 'Máy in phiếu', transport: 'network', address: '127.0.0.1:9100', paper: '80mm', roles: ['slip', 'receipt', 'form'], copies: {} };

export function completeForm(procedure: Procedure = LICENCE_PROCEDURE): ReceiveForm {
  const form = withProcedure(emptyForm(), procedure);
  return {
    ...form,
    applicant: { ...form.applicant, name: 'Nguyễn Văn An', idNumber: '040085001234', phone: '0912345678', address: 'Số 5 Lê Lợi, Vinh, Nghệ An' },
    documents: form.documents.map((d) => tickDocument(d, true)),
  };
}

export interface QueuedPrint {
  doc: PrintDocument;
  role: PrintRole;
  copies?: number;
}

export function testContext(db: MotCuaDb, options: { now?: Date; counterIndex?: number; printed?: QueuedPrint[] } = {}): DeskContext {
  const printed = options.printed ?? [];
  return {
    db,
    eventMeta: (dossierId) => ({ id: crypto.randomUUID(), dossierId, officerId: 'officer-1', counterId: 'quay-3', deviceTime: new Date().toISOString(), ruleVersion: RULE_VERSION }),
    counter: { agencyCode: '000.00.15.H41', counterIndex: options.counterIndex ?? 3, counterName: 'Quầy 3' },
    officerName: 'Nguyễn Thị Lan',
    config: { ...DEFAULT_CENTER_CONFIG, contactPhone: '02383840000', unitTaxCode: '2900000000' },
    calendar: workCalendar(),
    printers: [THERMAL_PRINTER],
    print: async (doc, { role, copies }) => {
      printed.push({ doc, role, copies });
      return { ok: true, jobId: `job-${printed.length}` };
    },
    departmentName: () => undefined,
    now: options.now ? () => options.now! : undefined,
  };
}
