// The wire protocol between a counter and the central server. Pure types and constants,
// shared by server/ and renderer/sync so both sides agree on shapes and limits.
import type { CenterFigures, DossierEvent, DossierState, DossierStatus } from '../domain';

export const PROTOCOL_VERSION = 1;

/** Most events accepted in one push; a counter sends its outbox in chunks of at most this. */
export const MAX_EVENTS_PER_PUSH = 500;
/** Request body limit in bytes (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Largest single event, as UTF-8 JSON: far above any real reception (200 document lines), far below the body limit. */
export const MAX_EVENT_BYTES = 128 * 1024;
/** Most dossier snapshots in one pull page. */
export const MAX_PULL_LIMIT = 1000;
/** Longest a pull with `wait` is held while nothing of the counter's site changes (long poll), in seconds. */
export const MAX_PULL_WAIT_SECONDS = 25;
/** Clock skew above which staff are warned (the device clock never orders anything). */
export const CLOCK_SKEW_WARNING_MS = 3 * 60 * 1000;

/** Every 4xx answer has this body. `message` is Vietnamese, for the screen. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details?: unknown };
}

export type ApiErrorCode =
  | 'MALFORMED_JSON'
  | 'INVALID_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_EVENTS'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAUTHENTICATED'
  | 'UNKNOWN_DEVICE'
  | 'DEVICE_REVOKED'
  | 'SESSION_EXPIRED'
  | 'FORBIDDEN'
  | 'WRONG_COUNTER'
  | 'WRONG_CENTER'
  | 'OTHER_CENTER_ACCOUNT'
  | 'ENROLMENT_CODE_INVALID'
  | 'ENROLMENT_CODE_USED'
  | 'ENROLMENT_CODE_EXPIRED'
  | 'BAD_CREDENTIALS'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'LEASE_EXHAUSTED'
  | 'DATABASE_UNAVAILABLE'
  | 'INVALID_TEXT'
  | 'TOO_MANY_ATTEMPTS'
  | 'SERVER_BUSY'
  | 'PASSWORD_CHANGE_REQUIRED';

export type PushEventStatus = 'stored' | 'duplicate' | 'conflict';

export interface ConflictInfo {
  code: string;
  message: string;
}

export interface PushRequest {
  events: DossierEvent[];
}

export interface PushEventResult {
  id: string;
  status: PushEventStatus;
  seq: number;
  /** Form 06 register number, when this event is a reception the server numbered. */
  registerNumber?: number;
  registerYear?: number;
  conflict?: ConflictInfo;
}

/** Why the server will never store an event as it was sent: resending it changes nothing. */
export interface EventRefusal {
  /** `INVALID_TEXT`: a NUL, control character or broken Unicode; `INVALID_EVENT`: a field missing, unknown, of the wrong type or out of range. */
  code: 'INVALID_TEXT' | 'INVALID_EVENT';
  /** Vietnamese, for the supervisor who sees the event set aside at the counter. */
  message: string;
  /** JSON Pointer inside the event, e.g. `/payload/fees/0/amount`. */
  field: string;
}

/** An event refused for good: not stored, the others of the batch are. */
export interface PushEventRefused {
  id: string;
  status: 'refused';
  refusal: EventRefusal;
}

export interface PushResponse {
  /** One answer per event sent, in the order sent. */
  results: (PushEventResult | PushEventRefused)[];
  serverTime: string;
}

/** A dossier as the server projects it; counters bootstrap and catch up from these, never by replaying the log. */
export interface DossierSnapshot {
  id: string;
  code: string | null;
  status: DossierStatus;
  state: DossierState;
  /** Server sequence of the last event (or conflict resolution) that touched this dossier. */
  lastSeq: number;
  registerYear: number | null;
  registerNumber: number | null;
  openConflicts: number;
}

export interface PullResponse {
  dossiers: DossierSnapshot[];
  /** Cursor to send as `after` next time. */
  next: number;
  more: boolean;
  /** The catalogue's current version: a counter that holds it need not ask for the catalogue (absent from servers before it). */
  catalogueVersion?: number;
  serverTime: string;
}

/** One event as the server stored it: its sequence, any conflict it raised, and when it arrived. */
export interface StoredEvent {
  seq: number;
  event: DossierEvent;
  conflict: unknown;
  receivedAt: string;
}

/** GET /v1/dossiers/:id/events: a dossier's full trail (control sheet, dossiers pruned locally). */
export interface DossierEventsResponse {
  events: StoredEvent[];
  serverTime: string;
}

/** The most dossiers one lookup by ID number or phone returns, newest first. */
export const LOOKUP_LIMIT = 20;

/** GET /v1/dossiers?code= | idNumber= | phone=: dossiers the counter no longer holds, with their trails. */
export interface DossierLookupResponse {
  dossiers: { snapshot: DossierSnapshot; events: StoredEvent[] }[];
  /** More dossiers matched than LOOKUP_LIMIT. */
  more: boolean;
  serverTime: string;
}

export interface EnrolRequest {
  code: string;
  deviceName: string;
}

export interface EnrolResponse {
  deviceId: string;
  counterId: string;
  counterName: string;
  counterIndex: number;
  /** The id of the center the counter is enrolled into ('' the default center of a single-center server); its dossiers are the ones it pulls. */
  site: string;
  /** The agency code of that center: the counter's dossier codes are issued under it. */
  agencyCode: string;
  /** Bearer credential, shown once; the server keeps only its SHA-256. */
  credential: string;
}

/** GET /v1/counters: every enrolled counter's name, so screens name a counter rather than its id. */
export interface CounterName {
  counterId: string;
  counterName: string;
}

export interface CountersResponse {
  counters: CounterName[];
  serverTime: string;
}

export type LeaseKind = 'dossierSeq' | 'receipt';

export interface LeaseRequest {
  /** Idempotency key: the same request retried gets the same blocks back. */
  requestId: string;
  /** Reception dates (YYMMDD) the counter wants dossier numbers for, e.g. today and the next working days. */
  dossierDates?: string[];
  /** Receipt series, e.g. { formSymbol: 'EBL01', series: '26TAA' }. */
  receiptSeries?: { formSymbol: string; series: string }[];
  blockSize?: number;
}

export interface LeaseBlock {
  kind: LeaseKind;
  /** `agency:YYMMDD` for dossier numbers, `formSymbol:series` for receipts. */
  scope: string;
  first: number;
  last: number;
}

export interface LeaseResponse {
  counterIndex: number;
  blocks: LeaseBlock[];
  serverTime: string;
}

export type StaffRole = 'receiving' | 'returnDesk' | 'handoff' | 'supervisor' | 'administrator';
export const STAFF_ROLES: readonly StaffRole[] = ['receiving', 'returnDesk', 'handoff', 'supervisor', 'administrator'];

/**
 * What a counter keeps to name officers and to verify logins offline. Every account comes with its
 * name and roles; the password hash only to a counter where the account may sign in.
 */
export interface StaffRecord {
  id: string;
  username: string;
  fullName: string;
  roles: StaffRole[];
  /** `scrypt$N$r$p$saltB64$hashB64`; absent when the account may not sign in at this counter. */
  passwordHash?: string;
  disabled: boolean;
  /** The password is a temporary one an administrator set: a counter refuses it offline until the officer sets their own online. */
  mustChangePassword?: boolean;
  version: number;
}

export interface SessionResponse {
  token: string;
  expiresAt: string;
  staff: { id: string; username: string; fullName: string; roles: StaffRole[] };
  /** The password was set by an administrator: this session may only set a new one (POST /v1/sessions/current/password). */
  mustChangePassword?: boolean;
}

/** Provincial Center (tỉnh) or commune/ward center (xã), NĐ 118/2025 as amended by NĐ 309/2026. */
export type CenterLevel = 'tinh' | 'xa';
export const CENTER_LEVELS: readonly CenterLevel[] = ['tinh', 'xa'];

/** A center of the province on this server; counters receive them with the catalogue (kind `center`, key = id). */
export interface CenterInfo {
  /** '' is the default center (a single-center deployment's one). */
  id: string;
  agencyCode: string;
  name: string;
  address?: string;
  level: CenterLevel;
  /** The province part of the agency code, e.g. `H41`. */
  province: string;
  parentId?: string;
}

/**
 * A center's own setting `scope` (catalogue, center-scoped): which procedures it receives and at which
 * level, and its phi-địa-giới list (procedures received whatever the applicant's residence, resolved
 * elsewhere). Absent: the center receives every procedure of the catalogue, none across boundaries.
 */
export interface CenterScope {
  procedures?: { code: string; level: CenterLevel }[];
  phiDiaGioi?: string[];
}

/** GET /v1/admin/province: per center (by the center that received the dossier) and for the province. */
export interface ProvinceReport {
  period: { from: string; to: string; label: string };
  centers: (CenterInfo & { figures: CenterFigures })[];
  province: CenterFigures;
}

export type CatalogueKind = 'procedure' | 'department' | 'holiday' | 'workingDaySwap' | 'formVersion' | 'setting' | 'center';
export const CATALOGUE_KINDS: readonly CatalogueKind[] = ['procedure', 'department', 'holiday', 'workingDaySwap', 'formVersion', 'setting', 'center'];
/** The kinds an administrator writes as catalogue items; centers have their own table and calls. */
export const EDITABLE_CATALOGUE_KINDS: readonly CatalogueKind[] = CATALOGUE_KINDS.filter((k) => k !== 'center');

export interface CatalogueItem {
  kind: CatalogueKind;
  key: string;
  body: unknown;
  deleted: boolean;
  version: number;
  /**
   * A setting merged for a center (its own item over the province's): the fields its own item set.
   * The others are the province's, which name the provincial Center where they name a center.
   */
  centerKeys?: string[];
}

export interface CatalogueResponse {
  items: CatalogueItem[];
  version: number;
  serverTime: string;
}

export interface ConflictRecord {
  eventId: string;
  seq: number;
  dossierId: string;
  dossierCode: string | null;
  eventType: string;
  counterId: string;
  /** The counter's name as enrolled (a counter enrolled since this counter last fetched the names is named too); null for a counter the server never enrolled. */
  counterName: string | null;
  officerId: string;
  code: string;
  message: string;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

/** Most conflicts in one page of GET /v1/conflicts. */
export const MAX_CONFLICTS_PAGE = 1000;

/** GET /v1/conflicts?status=&after=&limit=: one page, in sequence order. */
export interface ConflictPage {
  conflicts: ConflictRecord[];
  /** The `after` of the next page. */
  next: number;
  more: boolean;
}

export const AUDIT_ACTIONS = ['view', 'print', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** Most audit entries in one `POST /v1/audit`. */
export const MAX_AUDIT_ENTRIES = 500;

/** Who viewed, printed in full or exported a citizen's personal data, as a counter sends it. */
export interface AuditEntry {
  id: string;
  at: string;
  counterId: string;
  officerId: string;
  officerName?: string;
  dossierId?: string;
  dossierCode?: string;
  action: AuditAction;
  field: string;
  detail?: string;
}
