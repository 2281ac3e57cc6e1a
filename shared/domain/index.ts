export { RULE_VERSION, KNOWN_RULE_VERSIONS, DOSSIER_EVENT_TYPES, DOSSIER_STATUSES } from './types';
export type {
  Applicant,
  ApplyResult,
  Collection,
  DossierEvent,
  DossierEventType,
  DossierFlags,
  DossierState,
  DossierStatus,
  EventId,
  EventMeta,
  EventOf,
  FeeLine,
  PayloadOf,
  ReceivedDocument,
  ResultOutcome,
  TransitionError,
  TransitionErrorCode,
} from './types';
export { TRANSITIONS, caseFor, isAllowed, reachableStatuses, targetOf, variantOf } from './transitions';
export type { DossierStatusOrNew, ReceptionRequirement, TransitionCase, TransitionRule } from './transitions';
export { applyEvent, canApply, foldEvents } from './reducer';
export type { FoldResult } from './reducer';
export { TIMELINESS_LABELS, currentAppointment, timeliness } from './timeliness';
export type { Timeliness } from './timeliness';
export { describeEvent } from './describe';
export type { DescribeContext } from './describe';
export { EVENT_ACTIONS, OUTCOME_LABELS, PAYMENT_METHOD_LABELS, STATUS_LABELS } from './labels';
export { formatVietnamDate, formatVietnamDateTime, isInstant, parseInstant, vietnamDayNumber } from './time';
