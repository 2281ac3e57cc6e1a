// The Center's configuration, read by every desk: its header, places, form set, receipt series and
// unit, barcode agency index. Facts DOMAIN.md marks unconfirmed (the unit's tax code, the receipt
// series, the form set in force) are configuration, never constants: an administrator distributes
// them as the catalogue 'setting' item `receive` (its key since the first release), and a counter
// may override them locally in `db.settings` under the same key (local wins, field by field).
import { bankAccountProblem, type BankAccount } from '../../shared/codes';
import { receiptTaxCodeProblem } from '../../shared/documents';
import type { AgencyHeader, FormSet } from '../../shared/documents/model';
import type { CenterInfo } from '../../shared/sync/protocol';
import type { MotCuaDb } from '../db';

export interface CenterConfig {
  agency: AgencyHeader;
  /** Dateline place on letters. */
  place: string;
  /** Where results are collected at the desk, printed on the slip. */
  deskPlace: string;
  formSet: FormSet;
  /** Copies of the appointment slip (Mẫu 01): the citizen's and the one clipped to the control sheet. */
  slipCopies: number;
  /** Electronic receipt form symbol (EBL01 without face value). */
  receiptFormSymbol: string;
  /** Receipt series: `{yy}` is replaced by the two digits of the year, e.g. `{yy}TAA` → `26TAA`. */
  receiptSeries: string;
  unitName: string;
  /**
   * The collecting unit a receipt names when it is not `unitName`: at a commune center's counter that
   * collects under the provincial Center's tax code (none of its own set), the provincial Center's name.
   */
  receiptUnitName?: string;
  /** The collecting unit's tax code; printed on the receipt. Empty until the deployment sets it, and no receipt is issued until then. */
  unitTaxCode: string;
  /** The counter's phone printed as the contact on supplement requests. */
  contactPhone: string;
  /** Who signs the Center's own notices (the stop notice): its head's title, and name when it is to be printed. */
  headTitle: string;
  headName?: string;
  /** Index of this Center in the numeric barcode key's agency table (shared/codes barcodeKey). */
  agencyIndex: number;
  /** The public status page, `<central server's public address>/tra-cuu`; the slip's QR opens it with the dossier code and its status secret. */
  statusPageUrl?: string;
  /** The unit's electronic-receipt lookup page, printed on the receipt with its lookup code. */
  receiptLookupUrl?: string;
  /** The Center's street address, hotline and website, printed on the citizen's slip. */
  address?: string;
  hotline?: string;
  website?: string;
  /** Opening hours as the Center words them (Quản trị › Trung tâm), printed on the slip and the status page; absent: the calendar's sessions. */
  openingHours?: string;
  /** The account fees are transferred to (VietQR at the fee desks and on transfer receipts); no QR until it is set. */
  bankAccount?: BankAccount;
}

/** Fields a deployment may leave out; the others always have a default. */
const OPTIONAL_STRING_KEYS = new Set(['statusPageUrl', 'receiptLookupUrl', 'address', 'hotline', 'website', 'openingHours', 'headName']);

export const CENTER_CONFIG_KEY = 'receive';

export const DEFAULT_CENTER_CONFIG: CenterConfig = {
  agency: { parent: 'UBND TỈNH NGHỆ AN', name: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG' },
  place: 'Nghệ An',
  deskPlace: 'Bộ phận trả kết quả, Trung tâm Phục vụ Hành chính công tỉnh',
  // DOMAIN.md: default to the 2025 set, keep 2018 selectable.
  formSet: '2025',
  slipCopies: 2,
  receiptFormSymbol: 'EBL01',
  receiptSeries: '{yy}TAA',
  unitName: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An',
  unitTaxCode: '',
  contactPhone: '',
  headTitle: 'Giám đốc',
  agencyIndex: 1,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merges partial overrides over the defaults, keeping only fields of the right type. */
export function mergeCenterConfig(...layers: unknown[]): CenterConfig {
  const out: CenterConfig = { ...DEFAULT_CENTER_CONFIG, agency: { ...DEFAULT_CENTER_CONFIG.agency } };
  for (const layer of layers) {
    if (!isRecord(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (!(key in DEFAULT_CENTER_CONFIG) && !OPTIONAL_STRING_KEYS.has(key) && key !== 'bankAccount') continue;
      if (key === 'bankAccount') {
        if (isRecord(value) && typeof value.bin === 'string' && typeof value.accountNumber === 'string' && typeof value.accountName === 'string') {
          out.bankAccount = { bin: value.bin.trim(), accountNumber: value.accountNumber.trim(), accountName: value.accountName.trim() };
        }
      } else if (key === 'agency' && isRecord(value) && typeof value.parent === 'string' && typeof value.name === 'string') {
        out.agency = { parent: value.parent, name: value.name };
      } else if (key === 'formSet' && (value === '2018' || value === '2025')) {
        out.formSet = value;
      } else if ((key === 'slipCopies' || key === 'agencyIndex') && typeof value === 'number' && Number.isInteger(value) && value >= 0) {
        out[key] = key === 'slipCopies' ? Math.max(1, value) : Math.min(99, value);
      } else if (typeof value === 'string' && (OPTIONAL_STRING_KEYS.has(key) || typeof DEFAULT_CENTER_CONFIG[key as keyof CenterConfig] === 'string') && key !== 'formSet') {
        (out as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }
  return out;
}

/**
 * The fields of `receive` that say which center this is: printed as the header, the dateline's place,
 * where results are collected, the center's address and its unit. The province's item names the
 * provincial Center (the configured one), so at another center's counters they come from that
 * center's own item, else from its row in the centers table (`centerDefaults`).
 */
const CENTER_IDENTITY_KEYS = new Set(['agency', 'place', 'deskPlace', 'address', 'unitName']);

/** Where a center's counters say results are collected at its desk; also how a slip names another center's desk. */
export function deskPlaceOf(centerName: string): string {
  return `Bộ phận trả kết quả, ${centerName}`;
}

// "Trung tâm Phục vụ hành chính công xã Diễn Châu": the unit, then the commune (xã, phường, đặc khu, thị trấn) it serves.
const COMMUNE_CENTER_NAME = /^(.*\bhành chính công)\s+((?:xã|phường|đặc khu|thị trấn)\s+(\S.*))$/iu;

/**
 * What a center's counters print when its own settings do not say otherwise, from its row of the
 * centers table (its name and address): a commune center under its commune's People's Committee
 * («UBND XÃ DIỄN CHÂU» over «TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG», dated at Diễn Châu); a name of
 * another shape under the province's committee, dated where the province's slips are.
 */
export function centerDefaults(center: Pick<CenterInfo, 'name' | 'address'>, province: CenterConfig): Partial<CenterConfig> {
  const commune = COMMUNE_CENTER_NAME.exec(center.name.trim());
  return {
    agency: commune ? { parent: `UBND ${commune[2]!}`, name: commune[1]! } : { parent: province.agency.parent, name: center.name.trim() },
    place: commune ? commune[3]!.trim() : province.place,
    deskPlace: deskPlaceOf(center.name.trim()),
    unitName: center.name.trim(),
    ...(center.address ? { address: center.address } : {}),
  };
}

/**
 * The center a counter is enrolled into, by the agency code it issues codes under (its enrolment), when
 * that is a center of its own other than the configured one; undefined for the configured center (and
 * for a site made before centers, which shares its code): its settings are the province's.
 */
export function ownCenterOf(centers: Iterable<CenterInfo>, agencyCode: string): CenterInfo | undefined {
  const sharing = [...centers].filter((c) => c.agencyCode === agencyCode);
  return sharing.length === 1 && sharing[0]!.id !== '' ? sharing[0] : undefined;
}

/**
 * The configuration a counter prints with: the defaults, the catalogue's `receive` (the province's,
 * merged on the server with the center's own item), then this machine's own settings. At a counter of
 * another center than the configured one, the province's identity fields give way to that center's
 * (`centerDefaults`); the fields its own item set (`centerKeys`) and the machine's settings still win.
 */
export function buildCenterConfig(receive: { body: unknown; centerKeys?: readonly string[] } | undefined, local: unknown, own: CenterInfo | undefined): CenterConfig {
  const body = isRecord(receive?.body) ? receive.body : {};
  if (!own) return mergeCenterConfig(body, local);
  const ownKeys = new Set(receive?.centerKeys ?? []);
  const isOwn = (key: string) => ownKeys.has(key) || (isRecord(local) && key in local);
  const province = mergeCenterConfig(body);
  const common = Object.fromEntries(Object.entries(body).filter(([key]) => !CENTER_IDENTITY_KEYS.has(key) || ownKeys.has(key)));
  const config = mergeCenterConfig(common, centerDefaults(own, province), pick(body, ownKeys), local);
  // A receipt names the unit its tax code is of: the province's, until this center sets a tax code of its own.
  if (!isOwn('unitName') && !isOwn('unitTaxCode') && province.unitTaxCode.trim() !== '') config.receiptUnitName = province.unitName;
  return config;
}

function pick(body: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => keys.has(key)));
}

/** The configuration of this counter, enrolled under `agencyCode` (buildCenterConfig). */
export async function loadCenterConfig(db: MotCuaDb, agencyCode: string): Promise<CenterConfig> {
  const [central, local, centers] = await Promise.all([db.catalogue.get(`setting:${CENTER_CONFIG_KEY}`), db.settings.get(CENTER_CONFIG_KEY), db.catalogue.where('kind').equals('center').toArray()]);
  return buildCenterConfig(
    central,
    local?.value,
    ownCenterOf(
      centers.map((c) => c.body as CenterInfo),
      agencyCode,
    ),
  );
}

/** The collecting unit a receipt names beside the tax code (CenterConfig.receiptUnitName). */
export function receiptUnitOf(config: CenterConfig): string {
  return config.receiptUnitName ?? config.unitName;
}

/**
 * Why no receipt can be issued with this configuration, naming everything missing at once (the
 * collecting unit, its tax code, the form symbol, the series), in Vietnamese for the desk; or
 * undefined. Checked before any number is taken, so a refusal records nothing.
 */
export function receiptSetupProblem(config: CenterConfig, yearVn: number): string | undefined {
  const missing = [
    receiptUnitOf(config).trim() ? undefined : 'tên đơn vị thu',
    config.unitTaxCode.trim() ? undefined : 'mã số thuế của đơn vị thu',
    config.receiptFormSymbol.trim() ? undefined : 'ký hiệu mẫu biên lai',
    receiptSeriesFor(config, yearVn).trim() ? undefined : `ký hiệu biên lai năm ${yearVn}`,
  ].filter((m) => m !== undefined);
  if (missing.length > 0)
    return `Chưa thu được phí tại quầy: cấu hình biên lai chưa khai báo ${missing.join(', ')}, nên không lập được biên lai. Hãy báo quản trị khai báo ở mục Quản trị › Biên lai; chưa có gì được ghi nhận.`;
  return receiptTaxCodeProblem(config.unitTaxCode);
}

/** The receipt series for the year of `at` in Vietnam time, e.g. `26TAA`. */
export function receiptSeriesFor(config: CenterConfig, yearVn: number): string {
  return config.receiptSeries.replace('{yy}', String(yearVn % 100).padStart(2, '0'));
}

/**
 * The agency table the numeric barcode key refers to: this Center at its configured index, and at
 * index 0 too, so keys printed before an index was configured still read back.
 */
export function agencyTableFor(config: CenterConfig, agencyCode: string): string[] {
  const table: string[] = [agencyCode];
  table[config.agencyIndex] = agencyCode;
  return table;
}

/**
 * The account a VietQR transfer goes to, or why there is none, in Vietnamese for the officer to
 * pass to the supervisor: not configured, or configured with a BIN or account number a bank rejects.
 */
export function transferAccountOf(config: CenterConfig): { ok: true; account: BankAccount } | { ok: false; message: string } {
  const account = config.bankAccount;
  if (!account)
    return {
      ok: false,
      message: 'Chưa có mã VietQR: Trung tâm chưa khai báo tài khoản nhận phí chuyển khoản (mã BIN ngân hàng, số tài khoản, tên chủ tài khoản). Hãy báo giám sát khai báo trong cấu hình Trung tâm.',
    };
  const problem = bankAccountProblem(account);
  if (problem) return { ok: false, message: `Chưa có mã VietQR: tài khoản nhận phí trong cấu hình Trung tâm chưa đúng. ${problem.message} Hãy báo giám sát sửa lại.` };
  return { ok: true, account };
}
