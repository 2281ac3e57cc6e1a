// JSON Schemas (draft-07, as Fastify/Ajv use them) for dossier events on the wire. Pure data:
// the server validates every push with them; a counter may validate before queueing.
import { MAX_ATTACHMENT_BYTES } from '../attachments/protocol';
import { STATUS_SECRET_SCHEMA_PATTERN } from '../codes/statusSecret';
import { CAPTURE_SOURCES, CENTER_CARGOES, DIGITISATION_EXEMPTIONS, DIGITISED_MEDIA_TYPES, TRANSFER_METHODS } from '../domain/types';

const str = { type: 'string', minLength: 1, maxLength: 2000 } as const;
const optStr = { type: 'string', maxLength: 2000 } as const;
// A calendar date first (month 01–12, day 01–31), then anything a clock may add; impossible days such as 31/02 are refused by the server's date check.
const isoTime = { type: 'string', minLength: 10, maxLength: 40, pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])' } as const;
const uuid = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' } as const;
const count = { type: 'integer', minimum: 0, maximum: 1000 } as const;
/** A center on a dossier's route or a batch between centers, by its agency code (QCVN 102:2016, shared/codes AGENCY_CODE_PATTERN). */
const agencyCode = { type: 'string', pattern: '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$' } as const;
const strList = { type: 'array', maxItems: 200, items: str } as const;
const by = { type: 'string', enum: ['counter', 'department'] } as const;
const outcome = { type: 'string', enum: ['result', 'supplement', 'refusal'] } as const;
/** What a batch between centers carries of a dossier. */
const cargo = { type: 'string', enum: CENTER_CARGOES } as const;

function obj(required: Record<string, unknown>, optional: Record<string, unknown> = {}) {
  return {
    type: 'object',
    required: Object.keys(required),
    properties: { ...required, ...optional },
    additionalProperties: false,
  } as const;
}

const contactFields = { phone: optStr, address: optStr, email: optStr };
export const applicantSchema = {
  oneOf: [obj({ kind: { const: 'individual' }, name: str, idNumber: str }, contactFields), obj({ kind: { const: 'organisation' }, name: str, taxCode: str, representative: str }, contactFields)],
} as const;

const documents = {
  type: 'array',
  maxItems: 200,
  items: obj({ name: str, originals: count, certifiedCopies: count, copies: count }),
} as const;

const collection = {
  oneOf: [obj({ method: { const: 'desk' } }), obj({ method: { const: 'post' }, address: str })],
} as const;

/** The checklist line a digitised copy or exemption belongs to (an index into the reception's documents). */
const digitisedLine = { line: { type: 'integer', minimum: 0, maximum: 199 }, documentName: str } as const;

const recipient = obj({ name: str, authorised: { type: 'boolean' } }, { idNumber: optStr, authorisationNote: optStr });

/** Largest fee amount in VND (10 billion): above any administrative fee, below where a double loses whole đồng. */
export const MAX_FEE_AMOUNT = 10_000_000_000;
const amount = { type: 'integer', minimum: 0, maximum: MAX_FEE_AMOUNT } as const;

const fees = { type: 'array', maxItems: 50, items: obj({ name: str, amount }) } as const;

export const EVENT_PAYLOAD_SCHEMAS = {
  received: obj(
    {
      code: str,
      procedureCode: str,
      procedureName: str,
      departmentId: str,
      applicant: applicantSchema,
      documents,
      sets: { type: 'integer', minimum: 1, maximum: 100 },
      processingDays: { type: 'integer', minimum: 0, maximum: 3650 },
      receivedAt: isoTime,
      dueAt: isoTime,
      collection,
      fees,
    },
    {
      deadlineEntered: obj({ by: str, supervisor: { type: 'boolean' }, reason: str }),
      statusSecret: { type: 'string', pattern: STATUS_SECRET_SCHEMA_PATTERN },
      route: obj({ receivingCenter: agencyCode, transfer: { type: 'string', enum: TRANSFER_METHODS }, returnCenter: agencyCode }),
    },
  ),
  supplementRequested: obj({ by, items: strList, reason: optStr, contact: obj({ officerName: str, phone: optStr }) }, { applicant: applicantSchema, procedureCode: str, documents, missing: strList }),
  supplementSupplied: obj({ receivedAt: isoTime, dueAt: isoTime, documents }),
  refused: obj({ by, reasons: strList }, { applicant: applicantSchema, procedureCode: str }),
  handedToCourier: obj({ batchId: str, direction: { type: 'string', enum: ['toDepartment', 'toCenter'] }, courierName: str, departmentId: str }),
  deliveredToDepartment: obj({ batchId: str, at: isoTime }, { dueAt: isoTime }),
  deliveryDisputed: obj({ batchId: str, note: optStr }),
  resultDispatched: obj({ batchId: str, outcome }),
  resultReceived: obj({ batchId: str, outcome }, { reasons: strList, items: strList, deliveryUnconfirmed: { type: 'boolean' }, atCenter: agencyCode }),
  sentToCenter: obj({ batchId: str, carried: cargo, fromCenter: agencyCode, toCenter: agencyCode, courierName: str }),
  arrivedAtCenter: obj({ batchId: str, carried: cargo, center: agencyCode }),
  returned: obj(
    {
      method: { type: 'string', enum: ['desk', 'post'] },
      recipient,
      at: isoTime,
    },
    { postalItemNumber: optStr },
  ),
  apologyIssued: obj({ reason: str, responsibleOfficer: str, reasonValid: { type: 'boolean' }, newDueAt: isoTime }),
  correctionRequested: obj({ fault: { type: 'string', enum: ['agency', 'applicant'] }, description: str, newDueAt: isoTime }),
  withdrawn: obj({ reason: optStr, requestedBy: str }),
  feeCollected: obj({
    receipt: obj({ formSymbol: str, series: str, number: { type: 'integer', minimum: 1, maximum: 99_999_999 } }),
    amount,
    method: { type: 'string', enum: ['cash', 'transfer', 'card', 'online'] },
    feeName: str,
  }),
  papersReturned: {
    oneOf: [obj({ stage: { const: 'atCenter' }, batchId: str }), obj({ stage: { const: 'toApplicant' }, recipient, at: isoTime })],
  },
  applicantNotified: obj({
    channel: { type: 'string', enum: ['sms', 'phone', 'email', 'zalo', 'post'] },
    contact: { type: 'string', minLength: 1, maxLength: 500 },
    message: str,
    early: { type: 'boolean' },
    at: isoTime,
  }),
  documentDigitised: {
    oneOf: [
      obj({
        ...digitisedLine,
        kind: { const: 'copy' },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        pages: { type: 'integer', minimum: 1, maximum: 10_000 },
        size: { type: 'integer', minimum: 1, maximum: MAX_ATTACHMENT_BYTES },
        mediaType: { type: 'string', enum: [...DIGITISED_MEDIA_TYPES] },
        source: { type: 'string', enum: [...CAPTURE_SOURCES] },
      }),
      obj({
        ...digitisedLine,
        kind: { const: 'exempt' },
        exemption: { type: 'string', enum: [...DIGITISATION_EXEMPTIONS] },
        reason: { type: 'string', minLength: 5, maxLength: 500 },
      }),
    ],
  },
} as const;

export const EVENT_TYPES = Object.keys(EVENT_PAYLOAD_SCHEMAS) as (keyof typeof EVENT_PAYLOAD_SCHEMAS)[];

const meta = {
  id: uuid,
  dossierId: uuid,
  officerId: { type: 'string', minLength: 1, maxLength: 100 },
  counterId: { type: 'string', minLength: 1, maxLength: 100 },
  deviceTime: isoTime,
  ruleVersion: { type: 'string', minLength: 1, maxLength: 100 },
};

/** One schema per event type, discriminated on `type`. No field beyond these: an unknown one would be stored and served to every counter. */
export const dossierEventSchema = {
  type: 'object',
  required: ['id', 'dossierId', 'officerId', 'counterId', 'deviceTime', 'ruleVersion', 'type', 'payload'],
  properties: { ...meta, type: { type: 'string', enum: EVENT_TYPES }, payload: { type: 'object' } },
  additionalProperties: false,
  allOf: EVENT_TYPES.map((t) => ({
    if: { properties: { type: { const: t } } },
    then: { properties: { payload: EVENT_PAYLOAD_SCHEMAS[t] } },
  })),
} as const;
