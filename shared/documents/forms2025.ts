// The 2025 form set (Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP) as versioned data.
// The annex's exact field lists are UNCONFIRMED (DOMAIN.md): what is below is our reading of the
// decree and of provinces' restatements, tagged with a revision so a corrected list ships as data,
// and so a printed form can always be traced to the field list it was printed from.
import type { SheetPaper } from './html';

export type OfficialForm2025 = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'stopProcessing' | 'controlSheet' | 'register';

export interface FormSpec {
  number: string;
  title: string;
  /** The sheet it is printed on when not on a roll. */
  sheet: SheetPaper;
  /** The fields the form carries, in printed order (labels as printed). */
  fields: readonly string[];
}

export interface FormSetRevision {
  /** Bumped whenever a title or field list changes; printed nowhere, logged with print jobs. */
  revision: string;
  /** False until the annex text has been checked against the official gazette. */
  confirmed: boolean;
  decree: string;
  circular: string;
  amendedBy: readonly string[];
  inForceFrom: string;
  forms: Readonly<Record<OfficialForm2025, FormSpec>>;
}

export const FORM_SET_2025: FormSetRevision = {
  revision: '2025.1',
  confirmed: false,
  decree: 'Nghị định số 118/2025/NĐ-CP',
  circular: 'Thông tư số 03/2025/TT-VPCP',
  amendedBy: ['Nghị định số 367/2025/NĐ-CP', 'Thông tư số 04/2025/TT-VPCP'],
  inForceFrom: '2025-07-01',
  forms: {
    receipt: {
      number: '01',
      title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      sheet: 'A5',
      fields: [
        'Mã hồ sơ',
        'Người nộp',
        'Số định danh',
        'Người được ủy quyền',
        'Địa chỉ',
        'Điện thoại',
        'Email',
        'Nội dung yêu cầu giải quyết',
        'Số lượng hồ sơ',
        'Thời gian giải quyết theo quy định',
        'Thời gian nhận hồ sơ',
        'Thời gian trả kết quả',
        'Nơi nhận kết quả',
        'Vào Sổ theo dõi hồ sơ',
      ],
    },
    supplement: {
      number: '02',
      title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      sheet: 'A5',
      fields: ['Kính gửi', 'Mã hồ sơ', 'Nội dung yêu cầu giải quyết', 'Ngày tiếp nhận', 'Lý do'],
    },
    refusal: {
      number: '03',
      title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      sheet: 'A5',
      fields: ['Kính gửi', 'Mã hồ sơ', 'Nội dung yêu cầu giải quyết', 'Ngày tiếp nhận'],
    },
    apology: {
      number: '04',
      title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
      sheet: 'A5',
      fields: ['Kính gửi', 'Mã hồ sơ', 'Nội dung yêu cầu giải quyết', 'Ngày tiếp nhận', 'Thời hạn giải quyết đã hẹn', 'Lý do chậm giải quyết', 'Đề nghị gia hạn đến'],
    },
    stopProcessing: {
      number: '05',
      title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      sheet: 'A5',
      fields: [
        'Kính gửi',
        'Mã hồ sơ',
        'Nội dung yêu cầu giải quyết',
        'Ngày tiếp nhận',
        'Số định danh',
        'Người đề nghị dừng',
        'Thời gian đề nghị',
        'Lý do dừng giải quyết',
        'Phí, lệ phí',
        'Nhận lại hồ sơ giấy',
      ],
    },
    controlSheet: {
      number: '06',
      title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      sheet: 'A5',
      fields: ['Mã hồ sơ', 'Người nộp', 'Nội dung yêu cầu giải quyết', 'Thời gian nhận hồ sơ', 'Thời gian trả kết quả'],
    },
    register: {
      number: '07',
      title: 'SỔ THEO DÕI HỒ SƠ',
      sheet: 'A4',
      fields: [
        'TT',
        'Mã hồ sơ',
        'Tên thủ tục',
        'Tên cá nhân, tổ chức',
        'Địa chỉ, số điện thoại',
        'Cơ quan chủ trì giải quyết',
        'Ngày nhận',
        'Ngày hẹn trả',
        'Ngày trả kết quả',
        'Hình thức nhận kết quả',
        'Ký nhận',
      ],
    },
  },
};

/** The line every 2025 form prints: its number, the circular and the decree it guides. */
export function legalBasis2025(form: OfficialForm2025): string {
  const set = FORM_SET_2025;
  return `Mẫu số ${set.forms[form].number} – ${set.circular}, hướng dẫn ${set.decree}`;
}
