// What the administration's Catalogue and Calendar pages exchange with the server (/v1/admin/…),
// beside protocol.ts. The server checks with the same shared functions the pages preview with.
import type { AnnouncedHoliday, AnnouncedWorkingDay, CalendarEntryError, DayOff, HolidayItem, WorkingDayItem } from '../calendar';
import type { CatalogueImportPlan } from '../catalogue/importPlan';
import type { CatalogueKind } from './protocol';

/** The sheet's cells as text, header first (CSV and XLSX are read to rows in the page). */
export interface CatalogueImportRequest {
  rows: string[][];
  /** false: the preview only, nothing is written; true: written all at once, or nothing when any row has an error. */
  commit: boolean;
}

export interface CatalogueImportResponse extends CatalogueImportPlan {
  committed: boolean;
}

/** Limits of one import: a province publishes about 2,000 procedures. */
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_COLUMNS = 50;
export const MAX_IMPORT_CELL = 20_000;
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export interface AdminCatalogueItem {
  key: string;
  body: unknown;
  version: number;
}

export interface AdminCatalogueResponse {
  kind: CatalogueKind;
  items: AdminCatalogueItem[];
}

export interface CalendarYearRequest {
  holidays: AnnouncedHoliday[];
  workingDays: AnnouncedWorkingDay[];
}

export interface CalendarYearResponse {
  year: number;
  holidays: HolidayItem[];
  workingDays: WorkingDayItem[];
  daysOff: DayOff[];
}

/** The 422 of a calendar refused: `details` of the error body. */
export interface CalendarRefusal {
  errors: CalendarEntryError[];
}
