export { MotCuaDb, SCHEMA_VERSIONS, CURRENT_SCHEMA_VERSION, dossiersInStatus, projectionRow } from './schema';
export { foldVietnamese } from '../../shared/text/fold';
export type { DossierRow, EventRow, OutboxRow, SyncStateRow, LeaseRow, CatalogueRow, HolidayRow, PrintJobRow, SettingRow, DraftRow, StaffRow, LocalTable, LocalRow } from './schema';
export { applyWrites, eventWrites, recordCommand } from './command';
export type { CommandResult, RowWrite, WrittenTable } from './command';
export { writeIfUnchanged, type KeyRead } from './writeIfUnchanged';
export { issueNumber, remainingNumbers, storeLeases } from './leases';
