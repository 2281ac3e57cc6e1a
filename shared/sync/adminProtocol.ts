// What the administration section (renderer/features/admin) and the server's /v1/admin calls
// exchange, beside protocol.ts: the audit of changes, sign-ins, counters and their last report.

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
