export { MotCuaDb, SCHEMA_VERSIONS, CURRENT_SCHEMA_VERSION, dossiersInStatus, projectionRow } from './schema';
export { foldVietnamese } from '../../shared/text/fold';
export type { DossierRow, EventRow, OutboxRow, SyncStateRow, LeaseRow, CatalogueRow, HolidayRow, PrintJobRow, SettingRow, StaffRow, LocalRows, LocalTable, LocalRow } from './schema';
export type { AttachmentRow, AuditRow, BatchDirection, BatchRefusal, BatchState, ExemptionRow, FormDraftRow, HandoffBatch, InboundReject } from './localRecords';
export { applyWrites, eventWrites, recordCommand } from './command';
export type { CommandResult, RowWrite, WrittenTable } from './command';
export { writeIfUnchanged, type KeyRead } from './writeIfUnchanged';
export { issueNumber, remainingNumbers, storeLeases } from './leases';
