// Sample data for every printed document, with the diacritics staff see every day.
import { dossierBarcodeKey, formatBatchCode } from '../../shared/codes';
import type {
  ApologyData,
  AppointmentSlipData,
  ControlSheetData,
  DocumentOptions,
  FeeReceiptData,
  HandoverRecordData,
  PrintDocument,
  RefusalData,
  ReturnConfirmationData,
  StopProcessingData,
  SupplementRequestData,
} from '../../shared/documents';
import { apology, appointmentSlip, controlSheet, feeReceipt, handoverRecord, printerTestPage, refusal, returnConfirmation, stopProcessing, supplementRequest } from '../../shared/documents';

export const AGENCY = { parent: 'UBND tỉnh Nghệ An', name: 'Trung tâm Phục vụ Hành chính công' };
export const DOSSIER_CODE = '000.00.15.H41-260112-0001';
export const BARCODE_KEY = dossierBarcodeKey({ agencyIndex: 1, date: '2026-01-12', seq: 1 });
export const BATCH_CODE = formatBatchCode({ date: '2026-01-12', counter: 3, batchNumber: 2 });

export const SLIP: AppointmentSlipData = {
  agency: AGENCY,
  dossierCode: DOSSIER_CODE,
  barcodeKey: BARCODE_KEY,
  applicant: {
    name: 'Nguyễn Thị Hồng Nhung',
    address: 'Số 12, đường Lê Hồng Phong, phường Hưng Bình, TP Vinh, Nghệ An',
    phone: '0912345678',
    email: 'nhung.nguyen@example.vn',
    idNumber: '040301000123',
  },
  procedureName: 'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở lần đầu',
  documents: [
    { name: 'Đơn đăng ký, cấp Giấy chứng nhận (Mẫu 04a/ĐK)', originals: 1, certifiedCopies: 0, copies: 0 },
    { name: 'Căn cước công dân', originals: 0, certifiedCopies: 1, copies: 0 },
    { name: 'Giấy tờ về quyền sử dụng đất', originals: 0, certifiedCopies: 1, copies: 1 },
  ],
  setCount: 1,
  processingDays: 15,
  receivedAt: '2026-01-12T01:05:00.000Z',
  appointmentAt: '2026-02-02T02:00:00.000Z',
  collect: { method: 'desk', place: 'Quầy trả kết quả, Trung tâm Phục vụ Hành chính công tỉnh' },
  register: { year: 2026, number: 37 },
  statusPageUrl: 'https://dichvucong.nghean.gov.vn/tra-cuu',
  statusSecret: 'K7QW2MXR4TZB',
  center: {
    address: 'Số 16 đường Trường Thi, phường Trường Vinh, tỉnh Nghệ An',
    openingHours: 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00 (trừ ngày nghỉ lễ)',
    hotline: '0238 3 555 666',
    website: 'https://hcc.nghean.gov.vn',
  },
  counterName: 'Quầy 3',
  officerName: 'Trần Văn Đức',
};

const letterBase = {
  agency: AGENCY,
  place: 'Nghệ An',
  issuedAt: '2026-01-14T03:00:00.000Z',
  dossierCode: DOSSIER_CODE,
  applicant: SLIP.applicant,
  procedureName: SLIP.procedureName,
  receivedAt: SLIP.receivedAt,
};

export const SUPPLEMENT: SupplementRequestData = {
  ...letterBase,
  items: [
    { document: 'Sơ đồ thửa đất', requirement: 'Bổ sung bản vẽ có xác nhận của UBND xã' },
    { document: 'Giấy tờ về quyền sử dụng đất', requirement: 'Nộp bản chính để đối chiếu' },
  ],
  reason: 'Hồ sơ chưa đủ thành phần theo quy định của thủ tục.',
  contact: { officerName: 'Trần Văn Đức', phone: '02383 555 123' },
};

export const REFUSAL: RefusalData = {
  ...letterBase,
  reasons: ['Thủ tục không thuộc thẩm quyền giải quyết của tỉnh.', 'Người nộp không có giấy ủy quyền hợp lệ.'],
  officerName: 'Trần Văn Đức',
};

export const APOLOGY: ApologyData = {
  ...letterBase,
  originalAppointmentAt: SLIP.appointmentAt,
  newAppointmentAt: '2026-02-09T02:00:00.000Z',
  reason: 'Cần xác minh nguồn gốc đất với UBND xã Hưng Lộc.',
  decidingAgency: 'Sở Nông nghiệp và Môi trường',
  signerTitle: 'Giám đốc',
  signerName: 'Lê Văn Hải',
};

export const STOP: StopProcessingData = {
  ...letterBase,
  reason: 'Người nộp hồ sơ đề nghị dừng giải quyết để điều chỉnh diện tích.',
  signerTitle: 'Giám đốc',
  signerName: 'Lê Văn Hải',
};

export const CONTROL: ControlSheetData = {
  agency: AGENCY,
  dossierCode: DOSSIER_CODE,
  barcodeKey: BARCODE_KEY,
  applicantName: SLIP.applicant.name,
  procedureName: SLIP.procedureName,
  receivedAt: SLIP.receivedAt,
  appointmentAt: SLIP.appointmentAt,
  rows: [
    { fromUnit: 'Trung tâm PVHCC', toUnit: 'Bưu điện tỉnh Nghệ An', at: '2026-01-12T08:00:00.000Z', timing: 'onTime' },
    { fromUnit: 'Bưu điện tỉnh Nghệ An', toUnit: 'Sở Nông nghiệp và Môi trường', at: '2026-01-13T02:30:00.000Z', timing: 'onTime' },
    { fromUnit: 'Sở Nông nghiệp và Môi trường', toUnit: 'Trung tâm PVHCC', at: '2026-01-30T09:00:00.000Z', timing: 'early', note: 'Đã ký số' },
  ],
};

export const FEE: FeeReceiptData = {
  unitName: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An',
  unitTaxCode: '2901234567',
  unitAddress: 'Số 16 đường Trường Thi, TP Vinh',
  formSymbol: 'EBL01',
  series: '26TAA',
  number: 125,
  payerName: 'Nguyễn Thị Hồng Nhung',
  dossierCode: DOSSIER_CODE,
  lines: [
    { name: 'Lệ phí cấp Giấy chứng nhận quyền sử dụng đất', amount: 100_000 },
    { name: 'Phí thẩm định hồ sơ cấp Giấy chứng nhận quyền sử dụng đất', amount: 1_150_000 },
  ],
  issuedAt: '2026-01-12T01:10:00.000Z',
  collectorName: 'Phạm Thị Lý',
  lookupUrl: 'https://hoadon.nghean.gov.vn/tra-cuu',
};

export const HANDOVER: HandoverRecordData = {
  agency: AGENCY,
  place: 'Nghệ An',
  batchCode: BATCH_CODE,
  handedAt: '2026-01-12T08:00:00.000Z',
  fromUnit: 'Trung tâm Phục vụ Hành chính công',
  toUnit: 'Sở Nông nghiệp và Môi trường',
  courier: { name: 'Hoàng Văn Bình', organisation: 'Bưu điện tỉnh Nghệ An', phone: '0987654321' },
  officerName: 'Trần Văn Đức',
  dossiers: [1, 2, 3].map((seq) => ({
    dossierCode: `000.00.15.H41-260112-000${seq}`,
    procedureName: SLIP.procedureName,
    applicantName: ['Nguyễn Thị Hồng Nhung', 'Võ Đình Ước', 'Đặng Thị Ánh Tuyết'][seq - 1]!,
    sets: seq === 2 ? 2 : 1,
  })),
};

export const RETURN_CONFIRMATION: ReturnConfirmationData = {
  agency: AGENCY,
  place: 'Nghệ An',
  dossierCode: DOSSIER_CODE,
  barcodeKey: BARCODE_KEY,
  statusPageUrl: SLIP.statusPageUrl,
  procedureName: SLIP.procedureName,
  applicantName: SLIP.applicant.name,
  handover: {
    method: 'desk',
    place: 'Quầy trả kết quả, Trung tâm Phục vụ Hành chính công tỉnh',
    recipientName: 'Võ Thị Giang',
    recipientIdNumber: '040195006666',
    authorised: true,
    authorisationNote: 'Giấy ủy quyền số 15/UQ ngày 28/01/2026, UBND phường Trường Thi chứng thực',
  },
  returnedAt: '2026-01-30T03:05:00.000Z',
  feeReceipt: 'EBL01/26TAA số 00000125 – 1.250.000 ₫',
  counterName: 'Quầy 5',
  officerName: 'Trần Văn Hùng',
};

/** Every document type, built for one layout. */
export function allDocuments(options: DocumentOptions): PrintDocument[] {
  return [
    appointmentSlip(SLIP, options),
    supplementRequest(SUPPLEMENT, options, BARCODE_KEY),
    refusal(REFUSAL, options),
    apology(APOLOGY, options, BARCODE_KEY),
    stopProcessing(STOP, { ...options, formSet: '2025' }),
    controlSheet(CONTROL, options),
    feeReceipt(FEE, options),
    handoverRecord(HANDOVER, options),
    returnConfirmation(RETURN_CONFIRMATION, options),
    printerTestPage({ printerName: 'Máy in phiếu quầy 3', paperLabel: '80 mm', counterName: 'Quầy 3', printedAt: '2026-01-12T01:00:00.000Z' }, options),
  ];
}
