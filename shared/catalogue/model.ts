/** How the applicant may collect the result: at the Center's desk, by public post, or online. */
export type CollectionMethod = 'desk' | 'post' | 'online';

/** Where the procedure is received under the two-tier local government (since 01/7/2025): the provincial Center, the communes' centers. */
export type ReceivingLevel = 'province' | 'commune';

/** What staff read for each level. */
export const RECEIVING_LEVEL_LABELS: Record<ReceivingLevel, string> = { province: 'Cấp tỉnh', commune: 'Cấp xã' };

/** The form set (Thông tư 03/2025/TT-VPCP or 01/2018/TT-VPCP) printed for this procedure. */
export type FormVersion = '2025' | '2018';

export type ProcedureFee = {
  name: string;
  /** VND. `null` when the catalogue names a fee without a known amount: staff must check before collecting. */
  amount: number | null;
};

export type ProcedureDocument = {
  name: string;
  /** Number of originals (bản chính); `null` when the source did not say. */
  originals: number | null;
  /** Number of copies (bản sao); `null` when the source did not say. */
  copies: number | null;
  /** Set where the catalogue says it; otherwise read from the name (`documentNeed`). */
  need?: DocumentNeed;
};

/**
 * Whether the counter must have the paper: always, only if the applicant has one ("(nếu có)"), or
 * only in a case the officer decides ("đối với người nước ngoài", "trường hợp …").
 */
export type DocumentNeed = 'required' | 'optional' | 'conditional';

export type Procedure = {
  /** National procedure code, e.g. '1.012790'. */
  code: string;
  /** The province's localised form, e.g. '1.012790.000.00.00.H41'. */
  localCode: string;
  name: string;
  field: string;
  departmentId: string;
  departmentName: string;
  /** The agency cell as published, kept when it says more than the department name (authority, sources). */
  agencyNote: string;
  /** Legal processing time in working days; `null` when unknown or given in hours. */
  processingDays: number | null;
  processingHours?: number | null;
  /** Empty means no fee. */
  fees: ProcedureFee[];
  feeNote: string;
  documents: ProcedureDocument[];
  /** Notes found in the documents list instead of a document, e.g. "(các thành phần còn lại: đoạn trích bị cắt)". */
  documentNotes: string[];
  collectionMethods: CollectionMethod[];
  /** Levels whose centers receive it; absent when the catalogue does not say. */
  receivingLevels?: ReceivingLevel[];
  formVersion: FormVersion;
  source: string;
  demo: boolean;
  /** Missing values, in Vietnamese, for an administrator to complete (e.g. 'Thời hạn giải quyết'). */
  incomplete: string[];
};

export type Department = {
  /** Stable slug of the name, e.g. 'so-tai-chinh'. */
  id: string;
  name: string;
  shortName: string;
};

/** Labels used in `Procedure.incomplete`; staff read them. */
export const MISSING = {
  field: 'Lĩnh vực',
  department: 'Cơ quan giải quyết',
  processingTime: 'Thời hạn giải quyết',
  documents: 'Thành phần hồ sơ',
  documentCounts: 'Số bản chính, bản sao của thành phần hồ sơ',
} as const;

/** A procedure can be received without asking an administrator first. */
export function isProcedureComplete(procedure: Procedure): boolean {
  return procedure.incomplete.length === 0;
}

/** A fee is listed but its amount is unknown, so the counter must not collect money from the catalogue alone. */
export function hasUnknownFee(procedure: Procedure): boolean {
  return procedure.fees.some((fee) => fee.amount === null);
}

/** Total of the known fee amounts, in VND. */
export function totalKnownFee(procedure: Procedure): number {
  return procedure.fees.reduce((sum, fee) => sum + (fee.amount ?? 0), 0);
}
