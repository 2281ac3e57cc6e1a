// What the administration section (renderer/features/admin) and the server's /v1/admin calls
// exchange, beside protocol.ts: the audit of changes, sign-ins, counters and their last report.
import { textFault } from '../text/wellFormed';
import type { CenterImportPlan } from '../centers';
import type { CenterInfo, StaffRole } from './protocol';

/** One change an administrator made, as the server recorded it: who, when, from where, before and after. */
export interface AdminChange {
  id: number;
  at: string;
  staffId: string;
  staffUsername: string;
  /** The address the change came from (a counter's or an administrator's own machine). */
  fromAddress: string;
  /** What was done, e.g. `staff.create`, `staff.update`, `catalogue.put`, `device.revoke`. */
  action: string;
  /** What it was done to: `staff` + username, `catalogue/setting` + key, `device` + counter id… */
  targetKind: string;
  targetKey: string;
  /** The record before and after (never a password or its hash); null when there was none. */
  before: unknown;
  after: unknown;
}

export interface AdminChangesResponse {
  changes: AdminChange[];
}

/** One account as the administration screens list it (never the password or its hash). */
export interface AdminStaff {
  id: string;
  username: string;
  fullName: string;
  roles: StaffRole[];
  disabled: boolean;
  /** Counter ids where the account may sign in; null: every counter (desk staff) or none (an administrator). */
  counters: string[] | null;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  /** The center the account belongs to; null: the province (migration 012). */
  centerId: string | null;
}

export interface AdminStaffResponse {
  staff: AdminStaff[];
}

/** One sign-in attempt that reached the password check. */
export interface SignInRecord {
  id: number;
  at: string;
  username: string;
  success: boolean;
  /** The address it came from; the counter when a counter sent it. */
  fromAddress: string;
  counterId: string | null;
}

export interface SignInsResponse {
  signIns: SignInRecord[];
}

/** One enrolled counter with what it last reported (with its pulls, header COUNTER_REPORT_HEADER). */
export interface AdminDevice {
  counterId: string;
  counterName: string;
  counterIndex: number;
  site: string;
  deviceName: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  appVersion: string | null;
  /** What the counter's printers said: `ok`, `none` (no printer set) or the problem in Vietnamese. */
  printerStatus: string | null;
  /** Facts recorded at the counter and not yet acknowledged by the server. */
  pendingOutbox: number | null;
}

export interface AdminDevicesResponse {
  devices: AdminDevice[];
}

export interface EnrolmentCodeResponse {
  code: string;
  counterId: string;
  site: string;
  expiresAt: string;
}

/** The header a counter's pull carries: what the administrator's list of counters shows (encodeURIComponent of the JSON of CounterReport). */
export const COUNTER_REPORT_HEADER = 'x-motcua-report';

export interface CounterReport {
  appVersion: string;
  /** `ok`, `none` (no printer set) or what is wrong, in Vietnamese. */
  printerStatus: string;
  pendingOutbox: number;
}

/** The report as the server reads it: undefined when absent or malformed (a counter's pull is never refused for it). */
export function parseCounterReport(header: string | undefined): CounterReport | undefined {
  if (!header || header.length > 1000) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(header));
  } catch {
    return undefined;
  }
  const r = value as Partial<CounterReport> | null;
  if (!r || typeof r.appVersion !== 'string' || !/^[0-9A-Za-z.+-]{1,40}$/.test(r.appVersion)) return undefined;
  if (typeof r.printerStatus !== 'string' || r.printerStatus.length === 0 || r.printerStatus.length > 200 || textFault(r.printerStatus)) return undefined;
  if (typeof r.pendingOutbox !== 'number' || !Number.isInteger(r.pendingOutbox) || r.pendingOutbox < 0 || r.pendingOutbox > 10_000_000) return undefined;
  return { appVersion: r.appVersion, printerStatus: r.printerStatus, pendingOutbox: r.pendingOutbox };
}

export function encodeCounterReport(report: CounterReport): string {
  return encodeURIComponent(JSON.stringify(report));
}

/** GET /v1/admin/centers: the centers the signed-in account manages, each with its live counters; `adminCenterId` null for a provincial account. */
export interface AdminCentersResponse {
  centers: (CenterInfo & { counters: number })[];
  adminCenterId: string | null;
}

/** POST /v1/admin/centers/import: the sheet's rows (header first); `commit` false is the preview, nothing written. */
export interface CenterImportRequest {
  rows: string[][];
  commit: boolean;
}

export interface CenterImportResponse extends Omit<CenterImportPlan, 'centers'> {
  committed: boolean;
}

/** GET /v1/admin/centers/:id/settings/:key: the center's own body (null: none, the province's applies) and the province's. */
export interface CenterSettingResponse {
  center: string;
  key: string;
  body: Record<string, unknown> | null;
  province: Record<string, unknown> | null;
}
