export { RULE_VERSION, KNOWN_RULE_VERSIONS, CAPTURE_SOURCES, DIGITISATION_EXEMPTIONS, DIGITISED_MEDIA_TYPES, DOSSIER_EVENT_TYPES, DOSSIER_STATUSES, NOTICE_CHANNELS, TRANSFER_METHODS } from './types';
export type {
  Applicant,
  ApplyResult,
  CaptureSource,
  CenterCargo,
  Collection,
  DigitisationExemption,
  DigitisedDocument,
  DigitisedMediaType,
  DossierEvent,
  DossierEventType,
  DossierFlags,
  DossierRoute,
  DossierState,
  DossierStatus,
  EventId,
  EventMeta,
  EventOf,
  FeeLine,
  LineDigitised,
  NoticeChannel,
  PapersLocation,
  PayloadOf,
  ReceivedDocument,
  Recipient,
  ResultOutcome,
  TransitionError,
  TransitionErrorCode,
  TransferMethod,
} from './types';
export { TRANSITIONS, caseFor, heldElsewhere, isAllowed, papersOutsideCenter, reachableStatuses, targetOf, variantOf } from './transitions';
export type { DossierStatusOrNew, ReceptionRequirement, TransitionCase, TransitionRule } from './transitions';
export { applyEvent, canApply, foldEvents, mayIssueApology } from './reducer';
export type { FoldResult } from './reducer';
export { TIMELINESS_LABELS, currentAppointment, judgedInPeriod, timeliness } from './timeliness';
export { centerFigures, emptyFigures, addFigures, type CenterFigures } from './centerFigures';
export type { Timeliness } from './timeliness';
export { describeEvent } from './describe';
export type { DescribeContext } from './describe';
export {
  CAPTURE_SOURCE_LABELS,
  CARGO_LABELS,
  capitalised,
  centerLabel,
  EVENT_ACTIONS,
  EXEMPTION_LABELS,
  NOTICE_CHANNEL_LABELS,
  OUTCOME_LABELS,
  PAPERS_LABELS,
  PAYMENT_METHOD_LABELS,
  STATUS_LABELS,
} from './labels';
export { digitisationProgress, digitisationSummary } from './digitisation';
export type { DigitisationProgress, LineProgress } from './digitisation';
export { checkDigitisationExemption, checkNoticeContact } from './validate';
export {
  formatVietnamDate,
  formatVietnamDateTime,
  formatVietnamWeekdayDate,
  formatVietnamWeekdayDateTime,
  VIETNAMESE_WEEKDAYS,
  isInstant,
  parseDateText,
  parseInstant,
  vietnamDayNumber,
} from './time';
export { applicantIdNumber } from './applicant';
