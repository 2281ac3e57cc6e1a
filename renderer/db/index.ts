export { MotCuaDb, SCHEMA_VERSIONS, CURRENT_SCHEMA_VERSION, dossiersInStatus, projectionRow } from './schema';
export { foldVietnamese } from '../../shared/text/fold';
export type { DossierRow, EventRow, OutboxRow, SyncStateRow, LeaseRow, CatalogueRow, HolidayRow, PrintJobRow, SettingRow, DraftRow, StaffRow } from './schema';
export { applyWrites, eventWrites, recordEvent } from './recordEvent';
export type { RecordResult, RowWrite, WrittenTable } from './recordEvent';
export { writeIfUnchanged, type KeyRead } from './writeIfUnchanged';
export { issueNumber, remainingNumbers, storeLeases } from './leases';
