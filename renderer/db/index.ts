export { MotCuaDb, SCHEMA_VERSIONS, CURRENT_SCHEMA_VERSION, dossiersInStatus, projectionRow } from './schema';
export { foldVietnamese } from '../../shared/text/fold';
export type { DossierRow, EventRow, OutboxRow, SyncStateRow, LeaseRow, CatalogueRow, HolidayRow, PrintJobRow, SettingRow, DraftRow, StaffRow } from './schema';
export { issueEventWrites, recordEvent } from './recordEvent';
export type { RecordResult } from './recordEvent';
export { issueNumber, remainingNumbers, storeLeases } from './leases';
