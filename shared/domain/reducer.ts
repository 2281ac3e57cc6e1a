// The one reducer: folds a dossier's events into its state, on the counter and on the server alike.
// It is pure and total: a step the rules forbid comes back as a typed error, never an exception,
// so a conflicting fact from another desk can be kept and flagged instead of lost.
import {
  alreadyReceivedMessage,
  apologyAlreadyIssuedMessage,
  batchMismatchMessage,
  dossierExistsMessage,
  dossierMismatchMessage,
  duplicateEventMessage,
  illegalTransitionMessage,
  lineNotInChecklistMessage,
  notAtThatCenterMessage,
  notReceivedMessage,
  papersNotHereMessage,
  unknownDossierMessage,
} from './messages';
import { formatVietnamDateTime, parseInstant } from './time';
import { TRANSITIONS, caseFor, papersOutsideCenter, targetOf } from './transitions';
import type { ApplyResult, DossierEvent, DossierEventType, DossierState, LineDigitised, TransitionErrorCode } from './types';
import { checkMeta, checkPayload } from './validate';

function reject(state: DossierState | undefined, event: DossierEvent, code: TransitionErrorCode, message: string): ApplyResult {
  const error = {
    code,
    message,
    eventId: typeof event?.id === 'string' ? event.id : '',
    dossierId: typeof event?.dossierId === 'string' ? event.dossierId : (state?.id ?? ''),
    eventType: event?.type,
    ...(state?.code !== undefined ? { dossierCode: state.code } : {}),
    ...(state ? { from: state.status } : {}),
  };
  return { ok: false, error };
}

function emptyDossier(id: string): DossierState {
  return {
    id,
    status: 'received',
    apologyCount: 0,
    feesDue: 0,
    feesPaid: 0,
    eventIds: [],
    lastEventId: '',
    version: 0,
    flags: { deliveryDisputed: false, correctionCount: 0 },
  };
}

/** Checks that need the dossier's state, beyond the table: the rules of the forms and decrees. */
function checkAgainstState(state: DossierState | undefined, event: DossierEvent): ApplyResult | undefined {
  switch (event.type) {
    case 'supplementRequested':
    case 'refused':
      // A counter form (Mẫu 02, Mẫu 03) for a dossier never received must name who and what.
      if (!state && (event.payload.applicant === undefined || !event.payload.procedureCode?.trim())) {
        return reject(state, event, 'INVALID_PAYLOAD', 'Phiếu lập tại quầy khi chưa tiếp nhận phải ghi người nộp và thủ tục được yêu cầu.');
      }
      return undefined;
    case 'apologyIssued': {
      if (!state) return undefined;
      if (state.apologyCount > 0) return reject(state, event, 'APOLOGY_ALREADY_ISSUED', apologyAlreadyIssuedMessage(state));
      const due = state.dueAt === undefined ? undefined : parseInstant(state.dueAt);
      if (due !== undefined && (parseInstant(event.payload.newDueAt) as number) <= due) {
        return reject(
          state,
          event,
          'INVALID_PAYLOAD',
          `Ngày hẹn trả mới (${formatVietnamDateTime(event.payload.newDueAt)}) phải sau ngày hẹn ban đầu (${formatVietnamDateTime(state.dueAt as string)}).`,
        );
      }
      return undefined;
    }
    case 'correctionRequested': {
      const returned = state?.returnedAt === undefined ? undefined : parseInstant(state.returnedAt);
      if (state && returned !== undefined && (parseInstant(event.payload.newDueAt) as number) <= returned) {
        return reject(state, event, 'INVALID_PAYLOAD', `Ngày hẹn trả kết quả đính chính phải sau lần trả kết quả trước (${formatVietnamDateTime(state.returnedAt as string)}).`);
      }
      return undefined;
    }
    case 'papersReturned': {
      // Away → at the Center (inbound scan) → handed back (stop desk), each step once.
      const needed = event.payload.stage === 'atCenter' ? 'away' : 'atCenter';
      if (state && state.papers !== needed) return reject(state, event, 'ILLEGAL_TRANSITION', papersNotHereMessage(state, event));
      return undefined;
    }
    case 'applicantNotified':
      if (state?.status === 'withdrawn' && state.papers !== 'atCenter') return reject(state, event, 'ILLEGAL_TRANSITION', papersNotHereMessage(state, event));
      return undefined;
    case 'documentDigitised':
      if (state?.documentCount !== undefined && event.payload.line >= state.documentCount) {
        return reject(state, event, 'INVALID_PAYLOAD', lineNotInChecklistMessage(state, event.payload.line));
      }
      return undefined;
    case 'deliveredToDepartment':
    case 'deliveryDisputed':
      if (state && state.currentBatchId !== event.payload.batchId) {
        return reject(state, event, 'BATCH_MISMATCH', batchMismatchMessage(state, event.payload.batchId));
      }
      if (event.type === 'deliveredToDepartment' && event.payload.dueAt !== undefined && !state?.route) {
        return reject(state, event, 'INVALID_PAYLOAD', 'Hạn giải quyết tính từ khi cơ quan có thẩm quyền nhận hồ sơ chỉ áp dụng cho hồ sơ tiếp nhận phi địa giới.');
      }
      return undefined;
    case 'sentToCenter':
      if (state?.heldAt !== undefined && state.heldAt !== event.payload.fromCenter) return reject(state, event, 'ILLEGAL_TRANSITION', notAtThatCenterMessage(state, event.payload.fromCenter, 'send'));
      return undefined;
    case 'arrivedAtCenter':
      if (state && state.currentBatchId !== event.payload.batchId) return reject(state, event, 'BATCH_MISMATCH', batchMismatchMessage(state, event.payload.batchId));
      if (state && state.boundFor !== event.payload.center) return reject(state, event, 'ILLEGAL_TRANSITION', notAtThatCenterMessage(state, event.payload.center, 'arrive'));
      return undefined;
    default:
      return undefined;
  }
}

/** The state after the event, assuming every check passed. Never mutates `before`. */
function evolve(before: DossierState | undefined, event: DossierEvent, status: DossierState['status']): DossierState {
  const base = before ?? emptyDossier(event.dossierId);
  const s: DossierState = {
    ...base,
    status,
    flags: { ...base.flags },
    eventIds: [...base.eventIds, event.id],
    lastEventId: event.id,
    version: base.version + 1,
  };
  switch (event.type) {
    case 'received': {
      const p = event.payload;
      Object.assign(s, {
        code: p.code,
        procedureCode: p.procedureCode,
        procedureName: p.procedureName,
        departmentId: p.departmentId,
        applicant: p.applicant,
        collection: p.collection,
        receivedAt: p.receivedAt,
        dueAt: p.dueAt,
        documentCount: p.documents.length,
        feesDue: p.fees.reduce((sum, f) => sum + f.amount, 0),
      });
      if (p.statusSecret !== undefined) s.statusSecret = p.statusSecret;
      if (p.route !== undefined) {
        s.route = p.route;
        s.processingDays = p.processingDays;
        s.heldAt = p.route.receivingCenter;
        if (p.route.transfer === 'courier') s.dueExpected = true;
      }
      delete s.flags.supplementRequestedBy;
      break;
    }
    case 'supplementRequested':
    case 'refused':
      if (event.type === 'supplementRequested') s.flags.supplementRequestedBy = event.payload.by;
      else s.flags.refusedBy = event.payload.by;
      if (event.payload.applicant !== undefined) s.applicant = event.payload.applicant;
      if (event.payload.procedureCode && s.procedureCode === undefined) s.procedureCode = event.payload.procedureCode;
      break;
    case 'supplementSupplied':
      // The clock restarts from zero: a new legal deadline, and nothing of the old run stays.
      s.receivedAt = event.payload.receivedAt;
      s.dueAt = event.payload.dueAt;
      delete s.newDueAt;
      delete s.resultReadyAt;
      delete s.deliveredAt;
      delete s.flags.supplementRequestedBy;
      break;
    case 'handedToCourier':
      s.currentBatchId = event.payload.batchId;
      if (event.payload.direction === 'toDepartment') {
        s.flags.deliveryDisputed = false;
        delete s.deliveredAt;
      }
      break;
    case 'deliveredToDepartment':
      s.deliveredAt = event.payload.at;
      // Across boundaries by post, the processing time runs from the competent agency's receipt (NĐ 309/2026).
      if (event.payload.dueAt !== undefined && s.dueExpected) {
        s.dueAt = event.payload.dueAt;
        delete s.dueExpected;
      }
      break;
    case 'deliveryDisputed':
      s.flags.deliveryDisputed = true;
      break;
    case 'resultDispatched':
      s.currentBatchId = event.payload.batchId;
      break;
    case 'resultReceived':
      delete s.currentBatchId;
      delete s.notifiedAt;
      delete s.boundFor;
      if (event.payload.atCenter !== undefined) s.heldAt = event.payload.atCenter;
      else delete s.heldAt;
      // The payload carries no time of its own; the receiving device's clock dates the arrival.
      if (event.payload.outcome === 'result') s.resultReadyAt ??= event.deviceTime;
      if (event.payload.outcome === 'supplement') s.flags.supplementRequestedBy = 'department';
      if (event.payload.outcome === 'refusal') s.flags.refusedBy = 'department';
      break;
    case 'sentToCenter':
      s.currentBatchId = event.payload.batchId;
      s.boundFor = event.payload.toCenter;
      s.transferCenters = [...new Set([...(base.transferCenters ?? []), event.payload.toCenter])];
      break;
    case 'arrivedAtCenter':
      s.heldAt = event.payload.center;
      delete s.boundFor;
      delete s.currentBatchId;
      // The applicant is told again: the result is now where they collect it.
      if (event.payload.carried === 'result') delete s.notifiedAt;
      break;
    case 'returned':
      s.returnedAt = event.payload.at;
      s.flags.returnMethod = event.payload.method;
      break;
    case 'apologyIssued':
      s.apologyCount = base.apologyCount + 1;
      s.newDueAt = event.payload.newDueAt;
      s.flags.apologyReasonValid = event.payload.reasonValid;
      s.flags.apologyResponsibleOfficer = event.payload.responsibleOfficer;
      break;
    case 'correctionRequested':
      s.newDueAt = event.payload.newDueAt;
      s.flags.correctionFault = event.payload.fault;
      s.flags.correctionCount = base.flags.correctionCount + 1;
      break;
    case 'feeCollected':
      s.feesPaid = base.feesPaid + event.payload.amount;
      break;
    case 'withdrawn':
      // Judged on the state before the stop: where the papers were when the applicant asked.
      s.papers = papersOutsideCenter(base) ? 'away' : 'atCenter';
      s.papersMovedAt = event.deviceTime;
      delete s.notifiedAt;
      break;
    case 'papersReturned':
      if (event.payload.stage === 'atCenter') {
        s.papers = 'atCenter';
        s.papersMovedAt = event.deviceTime;
        delete s.currentBatchId;
      } else {
        s.papers = 'handedBack';
        s.papersMovedAt = event.payload.at;
      }
      break;
    case 'applicantNotified':
      s.notifiedAt = event.payload.at;
      s.flags.noticeChannel = event.payload.channel;
      s.flags.notifiedEarly = event.payload.early;
      break;
    case 'documentDigitised': {
      // The latest fact per line wins (a re-capture, or an exemption instead of a copy).
      const { line, ...entry } = event.payload;
      s.digitisation = { ...base.digitisation, [line]: { ...entry, at: event.deviceTime } as LineDigitised };
      break;
    }
  }
  return s;
}

export function applyEvent(state: DossierState | undefined, event: DossierEvent): ApplyResult {
  if (typeof event !== 'object' || event === null || !Object.hasOwn(TRANSITIONS, event.type)) {
    const type = (event as { type?: unknown } | null)?.type;
    return reject(state, event, 'INVALID_PAYLOAD', `Loại sự kiện “${String(type)}” không được hỗ trợ.`);
  }
  const meta = checkMeta(event);
  if (meta.problem) return reject(state, event, meta.unknownRuleVersion ? 'UNKNOWN_RULE_VERSION' : 'INVALID_PAYLOAD', meta.problem);
  if (state && state.id !== event.dossierId) return reject(state, event, 'DOSSIER_MISMATCH', dossierMismatchMessage(state));
  if (state?.eventIds.includes(event.id)) return reject(state, event, 'DUPLICATE_EVENT', duplicateEventMessage(state));

  const from = state?.status ?? 'new';
  const step = caseFor(event);
  if (!step) return reject(state, event, 'INVALID_PAYLOAD', checkPayload(event) ?? 'Sự kiện thiếu thông tin phân loại.');
  if (!step.from.includes(from)) {
    if (!state) return reject(state, event, 'UNKNOWN_DOSSIER', unknownDossierMessage(event));
    if (event.type === 'received' && state.code !== undefined) return reject(state, event, 'DOSSIER_EXISTS', dossierExistsMessage(state));
    return reject(state, event, 'ILLEGAL_TRANSITION', illegalTransitionMessage(state, event));
  }
  const received = state?.code !== undefined;
  if (state && step.requires === 'received' && !received) {
    return reject(state, event, 'ILLEGAL_TRANSITION', notReceivedMessage(state, event));
  }
  if (state && step.requires === 'notReceived' && received) {
    if (event.type === 'received') return reject(state, event, 'DOSSIER_EXISTS', dossierExistsMessage(state));
    return reject(state, event, 'ILLEGAL_TRANSITION', alreadyReceivedMessage(state, event));
  }
  const problem = checkPayload(event);
  if (problem) return reject(state, event, 'INVALID_PAYLOAD', problem);
  const refused = checkAgainstState(state, event);
  if (refused) return refused;
  return { ok: true, state: evolve(state, event, targetOf(from, step)) };
}

export interface FoldResult {
  state: DossierState | undefined;
  rejected: { event: DossierEvent; error: Extract<ApplyResult, { ok: false }>['error'] }[];
}

/** Folds events in the given (server) order; a rejected event is set aside and folding goes on. */
export function foldEvents(events: readonly DossierEvent[]): FoldResult {
  let state: DossierState | undefined;
  const rejected: FoldResult['rejected'] = [];
  for (const event of events) {
    const result = applyEvent(state, event);
    if (result.ok) state = result.state;
    else rejected.push({ event, error: result.error });
  }
  return { state, rejected };
}

/** Whether the table allows this event type from the dossier's current status at all (for enabling buttons). */
export function canApply(state: DossierState | undefined, type: DossierEventType): boolean {
  return TRANSITIONS[type].from.includes(state?.status ?? 'new');
}

/** Whether the desk may still apologise: the table allows it from this status, and a dossier gets one apology only. */
export function mayIssueApology(state: DossierState): boolean {
  return canApply(state, 'apologyIssued') && state.apologyCount === 0;
}
