// Small, deterministic events for tests of any module. Pure: no Node, no clock, no randomness.
import { applyEvent } from './reducer';
import { RULE_VERSION } from './types';
import type { DossierEvent, DossierEventType, DossierState, DossierStatus, EventMeta, EventOf, PayloadOf } from './types';

/** A 32-bit mixing step (mulberry32's finaliser), enough to spread seeds into UUID-shaped ids. */
function mix(x: number): number {
  let t = (x + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** A version-4-shaped UUID that depends only on (seed, salt). */
export function fixtureUuid(seed: number, salt = 0): string {
  let h = mix(mix(seed | 0) ^ mix(salt + 0x9e3779b9));
  let hex = '';
  for (let i = 0; i < 4; i++) {
    h = mix(h + i);
    hex += h.toString(16).padStart(8, '0');
  }
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// Separate salts keep fixture-made histories from colliding with ids a test seeds by hand.
const SALT = { event: 1, dossier: 2, path: 3, journey: 4, copy: 5 } as const;

/** The dossier every fixture event belongs to unless told otherwise. */
export const SAMPLE_DOSSIER_ID = fixtureUuid(0, SALT.dossier);
export const SAMPLE_DEVICE_TIME = '2026-01-12T02:15:00.000Z';

let unseeded = 1_000_000;

export type FixtureMeta = Partial<EventMeta> & { seed?: number };

/** An event with the given payload; ids come from `meta.seed` when given, else from a running counter. */
export function makeEvent<T extends DossierEventType>(type: T, payload: PayloadOf<T>, meta: FixtureMeta = {}): EventOf<T> {
  const { seed, ...given } = meta;
  const event = {
    id: fixtureUuid(seed ?? unseeded++, SALT.event),
    dossierId: SAMPLE_DOSSIER_ID,
    officerId: 'officer-01',
    counterId: 'counter-03',
    deviceTime: SAMPLE_DEVICE_TIME,
    ruleVersion: RULE_VERSION,
    ...given,
    type,
    payload,
  };
  return event as unknown as EventOf<T>;
}

type ReceivedPayload = PayloadOf<'received'>;
const META_KEYS = ['id', 'dossierId', 'officerId', 'counterId', 'deviceTime', 'ruleVersion'] as const;

/**
 * A plausible reception at a Nghệ An counter: received 09:15 12/01/2026 (Vietnam time), due
 * 17:00 26/01/2026. With a seed the dossier id, event id and daily sequence derive from it.
 */
export function sampleReceived(overrides: Partial<EventMeta> & Partial<ReceivedPayload> & { seed?: number } = {}): EventOf<'received'> {
  const { seed } = overrides;
  const sequence = String(((seed ?? 0) % 9999) + 1).padStart(4, '0');
  const payload: ReceivedPayload = {
    code: `000.00.15.H41-260112-${sequence}`,
    procedureCode: '1.001612',
    procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    departmentId: 'so-xay-dung',
    applicant: { kind: 'individual', name: 'Nguyễn Thị Hương', idNumber: '040190001234', phone: '0912345678', address: 'Số 12 Lê Hồng Phong, TP Vinh, Nghệ An' },
    documents: [
      { name: 'Đơn đề nghị cấp giấy phép xây dựng', originals: 1, certifiedCopies: 0, copies: 0 },
      { name: 'Giấy chứng nhận quyền sử dụng đất', originals: 0, certifiedCopies: 1, copies: 0 },
      { name: 'Bản vẽ thiết kế xây dựng', originals: 2, certifiedCopies: 0, copies: 0 },
    ],
    sets: 1,
    processingDays: 10,
    receivedAt: '2026-01-12T02:15:00.000Z',
    dueAt: '2026-01-26T10:00:00.000Z',
    collection: { method: 'desk' },
    fees: [{ name: 'Lệ phí cấp giấy phép xây dựng', amount: 75_000 }],
  };
  const meta: FixtureMeta = {
    dossierId: seed === undefined ? SAMPLE_DOSSIER_ID : fixtureUuid(seed, SALT.dossier),
    ...(seed === undefined ? {} : { seed }),
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'seed' || value === undefined) continue;
    if ((META_KEYS as readonly string[]).includes(key)) (meta as Record<string, unknown>)[key] = value;
    else (payload as Record<string, unknown>)[key] = value;
  }
  return makeEvent('received', payload, meta);
}

/**
 * The whole ordinary life of one dossier, received to returned at the desk, with ids derived
 * from the seed: for tests of sync, printing and reports that need a realistic history.
 */
export function sampleJourney(seed = 0): DossierEvent[] {
  const received = sampleReceived({ seed });
  const step = (n: number): FixtureMeta => ({ id: fixtureUuid(seed * 100 + n, SALT.journey), dossierId: received.dossierId });
  const batchOut = `BG-260112-${String(seed % 1000).padStart(3, '0')}`;
  const batchBack = `BG-260120-${String(seed % 1000).padStart(3, '0')}`;
  return [
    received,
    makeEvent(
      'feeCollected',
      { receipt: { formSymbol: 'EBL02', series: '26TAA', number: seed + 1 }, amount: 75_000, method: 'cash', feeName: 'Lệ phí cấp giấy phép xây dựng' },
      { ...step(1), deviceTime: '2026-01-12T02:20:00.000Z' },
    ),
    makeEvent('handedToCourier', { batchId: batchOut, direction: 'toDepartment', courierName: 'Trần Văn Bình', departmentId: 'so-xay-dung' }, { ...step(2), deviceTime: '2026-01-12T08:30:00.000Z' }),
    makeEvent('deliveredToDepartment', { batchId: batchOut, at: '2026-01-13T01:30:00.000Z' }, { ...step(3), deviceTime: '2026-01-13T01:31:00.000Z' }),
    makeEvent('resultDispatched', { batchId: batchBack, outcome: 'result' }, { ...step(4), deviceTime: '2026-01-20T07:00:00.000Z' }),
    makeEvent('resultReceived', { batchId: batchBack, outcome: 'result' }, { ...step(5), deviceTime: '2026-01-21T02:00:00.000Z' }),
    makeEvent(
      'returned',
      { method: 'desk', recipient: { name: 'Nguyễn Thị Hương', idNumber: '040190001234', authorised: false }, at: '2026-01-22T03:02:00.000Z' },
      { ...step(6), deviceTime: '2026-01-22T03:02:00.000Z' },
    ),
  ];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const shiftDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();
const SAMPLE_APPLICANT = sampleReceived().payload.applicant;
/** Agency codes of two commune centers of Nghệ An, for batches between centers. */
export const SAMPLE_CENTERS = ['000.22.41.H41', '000.23.41.H41'] as const;

export interface PlausibleOptions {
  seed: number;
  /** Defaults to the state's id, else the sample dossier. */
  dossierId?: string;
  /** Defaults to the dossier's current batch for the steps that refer to it, else 'BG-1'. */
  batchId?: string;
  /** Overrides the id derived from the seed. */
  id?: string;
  /** Moves every time the event carries (days), to make it early, late or out of order. */
  dayOffset?: number;
}

/**
 * An event of the given type (and variant: who, which direction, which outcome) whose payload
 * is sound and fits the dossier's state where it refers to it: batch, deadline, return time.
 */
export function plausibleEvent(type: DossierEventType, variant: string | undefined, state: DossierState | undefined, options: PlausibleOptions): DossierEvent {
  const { seed, dayOffset = 0 } = options;
  const dossierId = options.dossierId ?? state?.id ?? SAMPLE_DOSSIER_ID;
  const meta: FixtureMeta = { seed, dossierId, ...(options.id ? { id: options.id } : {}) };
  const batchId = options.batchId ?? state?.currentBatchId ?? 'BG-1';
  const anchor = shiftDays(state?.receivedAt ?? SAMPLE_DEVICE_TIME, 1 + dayOffset);
  switch (type) {
    case 'received':
      return sampleReceived({ seed, dossierId, ...(options.id ? { id: options.id } : {}) });
    case 'supplementRequested':
      return makeEvent(
        type,
        {
          by: variant === 'counter' ? 'counter' : 'department',
          items: ['Bản sao chứng thực giấy chứng nhận quyền sử dụng đất'],
          reason: 'Thiếu thành phần hồ sơ theo quy định của thủ tục',
          contact: { officerName: 'Lê Văn Nam', phone: '02383843333' },
          applicant: SAMPLE_APPLICANT,
          procedureCode: '1.001612',
        },
        meta,
      );
    case 'supplementSupplied':
      return makeEvent(
        type,
        { receivedAt: anchor, dueAt: shiftDays(anchor, 14), documents: [{ name: 'Bản sao chứng thực giấy chứng nhận quyền sử dụng đất', originals: 0, certifiedCopies: 1, copies: 0 }] },
        meta,
      );
    case 'refused':
      return makeEvent(
        type,
        { by: variant === 'department' ? 'department' : 'counter', reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết'], applicant: SAMPLE_APPLICANT, procedureCode: '1.001612' },
        meta,
      );
    case 'handedToCourier':
      return makeEvent(
        type,
        { batchId: options.batchId ?? `BG-${seed}`, direction: variant === 'toCenter' ? 'toCenter' : 'toDepartment', courierName: 'Trần Văn Bình', departmentId: 'so-xay-dung' },
        meta,
      );
    case 'deliveredToDepartment':
      return makeEvent(type, { batchId, at: anchor }, meta);
    case 'deliveryDisputed':
      return makeEvent(type, { batchId, note: 'Biên bản ghi 12 hồ sơ, túi chỉ có 11' }, meta);
    case 'resultDispatched':
      return makeEvent(type, { batchId: options.batchId ?? `BG-${seed}`, outcome: 'result' }, meta);
    case 'resultReceived': {
      const outcome = variant === 'supplement' || variant === 'refusal' ? variant : 'result';
      return makeEvent(
        type,
        {
          batchId,
          outcome,
          ...(outcome === 'supplement' ? { items: ['Bản vẽ mặt bằng có chữ ký của chủ đầu tư'] } : {}),
          ...(outcome === 'refusal' ? { reasons: ['Vị trí xây dựng không phù hợp quy hoạch'] } : {}),
        },
        { ...meta, deviceTime: anchor },
      );
    }
    case 'sentToCenter': {
      // Without a variant, what the dossier's status can send: its result once ready, else its papers.
      const carried = variant === 'papers' || variant === 'result' ? variant : state?.status === 'resultReady' ? 'result' : 'papers';
      const fromCenter = state?.heldAt ?? SAMPLE_CENTERS[0];
      const toCenter = SAMPLE_CENTERS.find((c) => c !== fromCenter) as string;
      return makeEvent(type, { batchId: options.batchId ?? `LC-${seed}`, carried, fromCenter, toCenter, courierName: 'Trần Văn Bình' }, meta);
    }
    case 'arrivedAtCenter': {
      const carried = variant === 'papers' || variant === 'result' ? variant : state?.status === 'resultInTransit' ? 'result' : 'papers';
      return makeEvent(type, { batchId, carried, center: state?.boundFor ?? SAMPLE_CENTERS[1] }, { ...meta, deviceTime: anchor });
    }
    case 'returned':
      return makeEvent(type, { method: 'desk', recipient: { name: 'Nguyễn Thị Hương', idNumber: '040190001234', authorised: false }, at: anchor }, meta);
    case 'apologyIssued':
      return makeEvent(type, { reason: 'Phải lấy ý kiến cơ quan liên quan', responsibleOfficer: 'Phạm Văn Đức', reasonValid: true, newDueAt: shiftDays(state?.dueAt ?? anchor, 5 + dayOffset) }, meta);
    case 'correctionRequested':
      return makeEvent(type, { fault: 'agency', description: 'Sai năm sinh của chủ hộ trên giấy phép', newDueAt: shiftDays(state?.returnedAt ?? anchor, 5 + dayOffset) }, meta);
    case 'withdrawn':
      return makeEvent(type, { reason: 'Người nộp không còn nhu cầu', requestedBy: 'Nguyễn Thị Hương' }, meta);
    case 'feeCollected':
      return makeEvent(type, { receipt: { formSymbol: 'EBL02', series: '26TAA', number: seed + 1 }, amount: 75_000, method: 'cash', feeName: 'Lệ phí cấp giấy phép xây dựng' }, meta);
    case 'papersReturned': {
      // Without a variant, the step the papers are due for next: back to the Center, then to the applicant.
      const stage = variant === 'atCenter' || variant === 'toApplicant' ? variant : state?.papers === 'away' ? 'atCenter' : 'toApplicant';
      return stage === 'atCenter'
        ? makeEvent(type, { stage, batchId: options.batchId ?? `BG-${seed}` }, { ...meta, deviceTime: anchor })
        : makeEvent(type, { stage, recipient: { name: 'Nguyễn Thị Hương', idNumber: '040190001234', authorised: false }, at: anchor }, meta);
    }
    case 'applicantNotified':
      return makeEvent(
        type,
        {
          channel: 'sms',
          contact: '0912345678',
          message: 'Hồ sơ 000.00.15.H41-260112-0001 đã có kết quả; mời ông/bà đến Trung tâm Phục vụ Hành chính công tỉnh nhận.',
          early: state?.dueAt !== undefined && anchor < state.dueAt,
          at: anchor,
        },
        meta,
      );
    case 'documentDigitised': {
      // A line the reception ticked; without a variant, a copy.
      const line = seed % Math.max(1, state?.documentCount ?? 3);
      const documentName = `Giấy tờ số ${line + 1}`;
      return variant === 'exempt'
        ? makeEvent(type, { line, documentName, kind: 'exempt', exemption: 'shownOnly', reason: 'Chỉ xuất trình bản chính để đối chiếu' }, meta)
        : makeEvent(
            type,
            {
              line,
              documentName,
              kind: 'copy',
              sha256: (fixtureUuid(seed, SALT.copy) + fixtureUuid(seed + 1, SALT.copy)).replaceAll('-', ''),
              pages: 1 + (seed % 3),
              size: 180_000 + seed,
              mediaType: 'application/pdf',
              source: 'camera',
            },
            meta,
          );
    }
  }
}

type Step = [DossierEventType, string?];
const TO_DEPARTMENT: Step[] = [['received'], ['handedToCourier', 'toDepartment'], ['deliveredToDepartment']];
const TO_RESULT: Step[] = [...TO_DEPARTMENT, ['resultDispatched'], ['resultReceived', 'result']];

/**
 * Events that bring one dossier to the given status. `by` picks the side path for
 * awaitingSupplement (default 'department') and refused (default 'counter'); `via: 'center'` takes
 * withCourier and resultInTransit on a batch between centers (papers, result) instead.
 */
export function sampleEventsTo(status: DossierStatus, options: { seed?: number; by?: 'counter' | 'department'; via?: 'center' } = {}): DossierEvent[] {
  const seed = options.seed ?? 0;
  const viaCenter = options.via === 'center';
  const steps: Record<DossierStatus, Step[]> = {
    received: [['received']],
    withCourier: viaCenter ? [['received'], ['sentToCenter', 'papers']] : TO_DEPARTMENT.slice(0, 2),
    atDepartment: TO_DEPARTMENT,
    resultInTransit: viaCenter ? [...TO_RESULT, ['sentToCenter', 'result']] : TO_RESULT.slice(0, 4),
    resultReady: TO_RESULT,
    returned: [...TO_RESULT, ['returned']],
    correctionRequested: [...TO_RESULT, ['returned'], ['correctionRequested']],
    withdrawn: [['received'], ['withdrawn']],
    awaitingSupplement: options.by === 'counter' ? [['supplementRequested', 'counter']] : [...TO_DEPARTMENT, ['supplementRequested', 'department']],
    refused: options.by === 'department' ? [...TO_DEPARTMENT, ['refused', 'department']] : [['refused', 'counter']],
  };
  const dossierId = fixtureUuid(seed, SALT.dossier);
  const events: DossierEvent[] = [];
  let state: DossierState | undefined;
  steps[status].forEach(([type, variant], i) => {
    const event = plausibleEvent(type, variant, state, { seed: seed * 1000 + i, dossierId, id: fixtureUuid(seed * 1000 + i, SALT.path) });
    const result = applyEvent(state, event);
    if (!result.ok) throw new Error(`Fixture path to ${status} broke at ${type}: ${result.error.message}`);
    state = result.state;
    events.push(event);
  });
  return events;
}
