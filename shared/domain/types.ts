// Dossier events and the projected dossier state: the vocabulary every layer shares.

/** The rule set a counter judged an event under, stamped on every event it writes. */
export const RULE_VERSION = 'tt01-2018/nd61-2018@1';

/**
 * Rule sets this build understands. The 2025 set (NĐ 118/2025, TT 03/2025) keeps the same
 * lifecycle; it is listed so counters switched to it are not rejected as unknown.
 */
export const KNOWN_RULE_VERSIONS: readonly string[] = [RULE_VERSION, 'tt03-2025/nd118-2025@1'];

export type EventId = string;

export interface EventMeta {
  id: EventId;
  dossierId: string;
  officerId: string;
  counterId: string;
  /** ISO 8601 from the device clock: shown and reported, never used for ordering. */
  deviceTime: string;
  ruleVersion: string;
}

export type Applicant =
  | { kind: 'individual'; name: string; idNumber: string; phone?: string; address?: string; email?: string }
  | { kind: 'organisation'; name: string; taxCode: string; representative: string; phone?: string; address?: string; email?: string };

export interface ReceivedDocument {
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
}

export type Collection = { method: 'desk' } | { method: 'post'; address: string };

/** How a dossier received across boundaries reaches the competent agency: the public post, or the electronic system. */
export type TransferMethod = 'courier' | 'electronic';
export const TRANSFER_METHODS: readonly TransferMethod[] = ['courier', 'electronic'];

/**
 * A dossier received across boundaries ("phi địa giới", NĐ 309/2026): at a center that is not where it
 * is decided. It travels from the receiving center to the competent agency (`departmentId`) by post or
 * electronically, and its result back to the center the applicant chose. Centers by agency code.
 */
export interface DossierRoute {
  receivingCenter: string;
  transfer: TransferMethod;
  returnCenter: string;
}

/** What a batch between centers carries of a dossier: its papers on the way to the competent agency, or its result on the way to the applicant. */
export type CenterCargo = 'papers' | 'result';
export const CENTER_CARGOES: readonly CenterCargo[] = ['papers', 'result'];

export interface FeeLine {
  name: string;
  amount: number;
}

export type ResultOutcome = 'result' | 'supplement' | 'refusal';

/** Who took the result or the papers at the desk, as checked against the ID they showed. */
export interface Recipient {
  name: string;
  idNumber?: string;
  authorised: boolean;
  authorisationNote?: string;
}

/** Where a stopped dossier's papers are: out with the department or courier, back at the Center, or handed back. */
export type PapersLocation = 'away' | 'atCenter' | 'handedBack';

/** How the applicant was told; there is no gateway, so the event records a notice an officer gave. */
export type NoticeChannel = 'sms' | 'phone' | 'email' | 'zalo' | 'post';
export const NOTICE_CHANNELS: readonly NoticeChannel[] = ['sms', 'phone', 'email', 'zalo', 'post'];

/** The four exemptions of TT 03/2025 (Điều 5); everything else received on paper must be digitised. */
export type DigitisationExemption = 'submittedOnline' | 'shownOnly' | 'otherAgencyOpinion' | 'classified';
export const DIGITISATION_EXEMPTIONS: readonly DigitisationExemption[] = ['submittedOnline', 'shownOnly', 'otherAgencyOpinion', 'classified'];

/** Where a digitised copy came from: the document camera, the office scanner's folder, a file the applicant brought. */
export type CaptureSource = 'camera' | 'scanner' | 'file';
export const CAPTURE_SOURCES: readonly CaptureSource[] = ['camera', 'scanner', 'file'];

/** What a digitised copy may be stored as; the counter makes PDFs, the others are accepted as brought. */
export const DIGITISED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DigitisedMediaType = (typeof DIGITISED_MEDIA_TYPES)[number];

/** One checklist line's copy (by content address; the bytes travel apart) or its exemption with the reason. */
export type DigitisedDocument =
  { kind: 'copy'; sha256: string; pages: number; size: number; mediaType: DigitisedMediaType; source: CaptureSource } | { kind: 'exempt'; exemption: DigitisationExemption; reason: string };

export type DossierEvent = EventMeta &
  (
    | {
        type: 'received';
        payload: {
          code: string;
          procedureCode: string;
          procedureName: string;
          departmentId: string;
          applicant: Applicant;
          documents: ReceivedDocument[];
          sets: number;
          processingDays: number;
          receivedAt: string;
          dueAt: string;
          collection: Collection;
          fees: FeeLine[];
          /**
           * The catalogue gave no processing time: `dueAt` was entered at the counter by this
           * officer (a supervisor, or the receiving officer) for this reason.
           */
          deadlineEntered?: { by: string; supervisor: boolean; reason: string };
          /** The status page's secret (shared/codes `newStatusSecret`), printed in the slip's QR; absent on dossiers received before it existed. */
          statusSecret?: string;
          /**
           * Received across boundaries: its route. By post, `dueAt` is the expected deadline, reckoned
           * as if the competent agency received it the next working day; the deadline itself runs from
           * the delivery (`deliveredToDepartment.dueAt`). Electronically, the agency has it at reception.
           */
          route?: DossierRoute;
        };
      }
    | {
        type: 'supplementRequested';
        payload: {
          by: 'counter' | 'department';
          items: string[];
          reason: string;
          contact: { officerName: string; phone: string };
          applicant?: Applicant;
          procedureCode?: string;
          /** At the counter: the papers already handed over, and the names of the checklist lines asked for, so the reception can go on when the citizen returns. */
          documents?: ReceivedDocument[];
          missing?: string[];
        };
      }
    /** The complete dossier arrived: the processing clock restarts from zero. */
    | { type: 'supplementSupplied'; payload: { receivedAt: string; dueAt: string; documents: ReceivedDocument[] } }
    | { type: 'refused'; payload: { by: 'counter' | 'department'; reasons: string[]; applicant?: Applicant; procedureCode?: string } }
    | { type: 'handedToCourier'; payload: { batchId: string; direction: 'toDepartment' | 'toCenter'; courierName: string; departmentId: string } }
    /**
     * The competent agency signed for the batch. For a dossier received across boundaries by post its
     * processing time runs from here (NĐ 309/2026): `dueAt` is the deadline reckoned from `at`.
     */
    | { type: 'deliveredToDepartment'; payload: { batchId: string; at: string; dueAt?: string } }
    | { type: 'deliveryDisputed'; payload: { batchId: string; note: string } }
    | { type: 'resultDispatched'; payload: { batchId: string; outcome: ResultOutcome } }
    | {
        type: 'resultReceived';
        payload: {
          batchId: string;
          outcome: ResultOutcome;
          reasons?: string[];
          items?: string[];
          /** Taken in knowingly while the delivery to the department was never confirmed (the dossier was still with the courier). */
          deliveryUnconfirmed?: boolean;
          /** The agency code of the center whose desk took the result in; stamped for a dossier received across boundaries. */
          atCenter?: string;
        };
      }
    /**
     * The papers (before the department has them) or the result (waiting for the applicant) leave this
     * center for another center of the province in a courier batch (NĐ 309/2026: the route between
     * the receiving center, the competent agency's center and the center the applicant collects at).
     */
    | { type: 'sentToCenter'; payload: { batchId: string; carried: CenterCargo; fromCenter: string; toCenter: string; courierName: string } }
    /** The batch from another center was scanned in at `center`: the papers or the result are held there now. */
    | { type: 'arrivedAtCenter'; payload: { batchId: string; carried: CenterCargo; center: string } }
    | {
        type: 'returned';
        payload: {
          method: 'desk' | 'post';
          recipient: Recipient;
          postalItemNumber?: string;
          at: string;
        };
      }
    | { type: 'apologyIssued'; payload: { reason: string; responsibleOfficer: string; reasonValid: boolean; newDueAt: string } }
    | { type: 'correctionRequested'; payload: { fault: 'agency' | 'applicant'; description: string; newDueAt: string } }
    | { type: 'withdrawn'; payload: { reason: string; requestedBy: string } }
    /**
     * The papers of a stopped dossier on their way back: arrived at the Center in an inbound
     * courier batch (dated by the receiving device's clock, like a result), then handed back.
     */
    | {
        type: 'papersReturned';
        payload: { stage: 'atCenter'; batchId: string } | { stage: 'toApplicant'; recipient: Recipient; at: string };
      }
    /** The applicant was told the result (or the stopped dossier's papers) can be collected. */
    | { type: 'applicantNotified'; payload: { channel: NoticeChannel; contact: string; message: string; early: boolean; at: string } }
    /**
     * A ticked checklist line (index into the reception's documents) digitised or exempted. A later
     * fact for the same line replaces the earlier one: a re-capture or a changed mind.
     */
    | { type: 'documentDigitised'; payload: { line: number; documentName: string } & DigitisedDocument }
    | {
        type: 'feeCollected';
        payload: {
          receipt: { formSymbol: string; series: string; number: number };
          amount: number;
          method: 'cash' | 'transfer' | 'card' | 'online';
          feeName: string;
        };
      }
  );

export type DossierEventType = DossierEvent['type'];
export type EventOf<T extends DossierEventType> = Extract<DossierEvent, { type: T }>;
export type PayloadOf<T extends DossierEventType> = EventOf<T>['payload'];

export const DOSSIER_EVENT_TYPES: readonly DossierEventType[] = [
  'received',
  'supplementRequested',
  'supplementSupplied',
  'refused',
  'handedToCourier',
  'deliveredToDepartment',
  'deliveryDisputed',
  'resultDispatched',
  'resultReceived',
  'sentToCenter',
  'arrivedAtCenter',
  'returned',
  'apologyIssued',
  'correctionRequested',
  'withdrawn',
  'feeCollected',
  'papersReturned',
  'applicantNotified',
  'documentDigitised',
];

export type DossierStatus = 'awaitingSupplement' | 'refused' | 'received' | 'withCourier' | 'atDepartment' | 'resultInTransit' | 'resultReady' | 'returned' | 'withdrawn' | 'correctionRequested';

export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  'awaitingSupplement',
  'refused',
  'received',
  'withCourier',
  'atDepartment',
  'resultInTransit',
  'resultReady',
  'returned',
  'withdrawn',
  'correctionRequested',
];

/** Facts a board or a supervisor needs without replaying the events. */
export interface DossierFlags {
  /** Who asked for the supplement currently awaited (counter before reception, or the department). */
  supplementRequestedBy?: 'counter' | 'department';
  refusedBy?: 'counter' | 'department';
  /** The current courier batch was disputed; stays set until the dossier starts a new trip. */
  deliveryDisputed: boolean;
  /** From the apology: whether the delay's reason was accepted (discipline report counts the rest). */
  apologyReasonValid?: boolean;
  apologyResponsibleOfficer?: string;
  correctionFault?: 'agency' | 'applicant';
  correctionCount: number;
  returnMethod?: 'desk' | 'post';
  /** The channel of the last notice to the applicant, and whether it announced an early result. */
  noticeChannel?: NoticeChannel;
  notifiedEarly?: boolean;
}

export type LineDigitised = { documentName: string; at: string } & DigitisedDocument;

export interface DossierState {
  id: string;
  /** Official dossier code, assigned by the 'received' event; absent for a dossier refused or sent back at the counter. */
  code?: string;
  status: DossierStatus;
  procedureCode?: string;
  procedureName?: string;
  departmentId?: string;
  applicant?: Applicant;
  collection?: Collection;
  receivedAt?: string;
  /** The legal deadline (restarted by a supplement); never moved by an apology or a correction. */
  dueAt?: string;
  /** The status page's secret from the reception; every reprinted or reissued slip's QR carries it. */
  statusSecret?: string;
  /** Received across boundaries (NĐ 309/2026): from which center, how, and where the result is collected. */
  route?: DossierRoute;
  /**
   * Across boundaries: the agency code of the center that holds the papers or the result now (the
   * receiving center at reception, the center whose desk took the result in, the center a batch
   * between centers reached). Absent when not known (a result taken in by a desk that did not say).
   */
  heldAt?: string;
  /** While a batch between centers carries the dossier: the center it goes to. */
  boundFor?: string;
  /** Every center a batch between centers has taken the dossier to: their counters keep pulling it. */
  transferCenters?: string[];
  /** True while `dueAt` is only expected: a dossier sent by post across boundaries, not yet signed for by the competent agency. */
  dueExpected?: boolean;
  /** Only across boundaries: the working days of the reception, counted again from the competent agency's receipt. */
  processingDays?: number;
  /** The re-set appointment (apology or correction), kept apart from dueAt. */
  newDueAt?: string;
  apologyCount: number;
  deliveredAt?: string;
  /** When the result first reached the Center: the finish time timeliness is judged on. */
  resultReadyAt?: string;
  /** When the result was last handed over (a corrected result is handed over again). */
  returnedAt?: string;
  currentBatchId?: string;
  /** Only for a stopped (withdrawn) dossier: where its papers are. */
  papers?: PapersLocation;
  /** When the stopped dossier's papers took their current place: the stop, their arrival at the Center, the hand-back. */
  papersMovedAt?: string;
  /**
   * When the applicant was last told to come and collect. Cleared when a new result arrives or the
   * dossier is stopped, so it always refers to what is waiting at the Center now.
   */
  notifiedAt?: string;
  /** How many documents the reception ticked: the checklist lines the digitisation rate counts. */
  documentCount?: number;
  /** Per checklist line, its latest copy or exemption, dated by the recording device's clock. */
  digitisation?: Record<number, LineDigitised>;
  /** Sum of the fee lines due, in VND. */
  feesDue: number;
  /** Sum of fees collected, in VND. */
  feesPaid: number;
  eventIds: string[];
  lastEventId: string;
  /** Number of events applied. */
  version: number;
  flags: DossierFlags;
}

export type TransitionErrorCode =
  'ILLEGAL_TRANSITION' | 'APOLOGY_ALREADY_ISSUED' | 'UNKNOWN_DOSSIER' | 'DOSSIER_EXISTS' | 'DOSSIER_MISMATCH' | 'BATCH_MISMATCH' | 'INVALID_PAYLOAD' | 'DUPLICATE_EVENT' | 'UNKNOWN_RULE_VERSION';

export interface TransitionError {
  code: TransitionErrorCode;
  /** Vietnamese, for the screen: what happened and what to do. */
  message: string;
  eventId: string;
  dossierId: string;
  /** The dossier code when known, for logs. */
  dossierCode?: string;
  from?: DossierStatus;
  eventType: DossierEventType;
}

export type ApplyResult = { ok: true; state: DossierState } | { ok: false; error: TransitionError };
