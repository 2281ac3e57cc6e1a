// What the dossier card says, computed apart from React so it can be tested: the state in words,
// the original deadline and the re-set date kept apart, timeliness, and what is due at collection.
import {
  STATUS_LABELS,
  TIMELINESS_LABELS,
  capitalised,
  centerLabel,
  heldElsewhere,
  digitisationSummary,
  formatVietnamDateTime,
  timeliness,
  type DossierState,
  type Timeliness,
} from '../../../shared/domain';
import type { CenterNameOf } from '../../kiosk/centerNames';
import { TRANSFER_HOW } from '../../../shared/documents';

export interface CardFacts {
  status: string;
  originalDue?: string;
  newDue?: string;
  timeliness?: Timeliness;
  timelinessLabel?: string;
  /** The result reached the Center before the deadline and waits for the citizen. */
  earlyResult: boolean;
  /** Fees still owed, in VND; nothing when a correction is the agency's fault. */
  amountDue: number;
  collection: string;
  /** "Số hóa: 3/4 giấy tờ": lines digitised or exempt over lines received, from the synced facts. */
  digitisation?: string;
  /** Received across boundaries (NĐ 309/2026): where it was received, how it travels, where the result is collected. */
  route?: string;
  /** Across boundaries: the center holding the papers or the result now, or the one a batch between centers takes it to. */
  held?: string;
}

export function amountDueAtCollection(state: DossierState): number {
  if (state.status === 'correctionRequested' && state.flags.correctionFault === 'agency') return 0;
  return Math.max(0, state.feesDue - state.feesPaid);
}

export function cardFacts(state: DossierState, now: Date = new Date(), centerName: CenterNameOf = () => undefined): CardFacts {
  const judged = timeliness(state, undefined, now);
  const digitised = digitisationSummary(state);
  const name = (code: string) => centerLabel(code, centerName(code));
  const due = state.dueAt ? formatVietnamDateTime(state.dueAt) : undefined;
  return {
    status: STATUS_LABELS[state.status],
    originalDue: due && state.dueExpected ? `${due} (dự kiến, tính lại khi cơ quan có thẩm quyền nhận hồ sơ)` : due,
    newDue: state.newDueAt ? formatVietnamDateTime(state.newDueAt) : undefined,
    timeliness: judged,
    timelinessLabel: judged ? TIMELINESS_LABELS[judged] : undefined,
    earlyResult: state.status === 'resultReady' && judged === 'early',
    amountDue: amountDueAtCollection(state),
    // Across boundaries the desk is the chosen center's, named as the slip names it: an officer at another center sees it is not theirs.
    collection:
      state.collection?.method === 'post'
        ? `Gửi qua bưu điện đến: ${state.collection.address}`
        : state.route
          ? `Nhận trực tiếp tại Bộ phận trả kết quả, ${name(state.route.returnCenter)}`
          : 'Nhận trực tiếp tại quầy trả kết quả',
    digitisation: digitised === undefined ? undefined : `Số hóa: ${digitised}`,
    ...(state.route
      ? {
          route: `Tiếp nhận tại ${name(state.route.receivingCenter)}, chuyển ${TRANSFER_HOW[state.route.transfer]}; trả kết quả tại ${name(state.route.returnCenter)}`,
        }
      : {}),
    ...(state.route && state.boundFor !== undefined ? { held: `Đang chuyển đến ${name(state.boundFor)}` } : {}),
    ...(state.route && state.boundFor === undefined && state.heldAt !== undefined ? { held: `${heldWhat(state)} đang ở ${name(state.heldAt)}` } : {}),
  };
}

const heldWhat = (state: DossierState) => (state.status === 'resultReady' || state.status === 'returned' ? 'Kết quả' : 'Hồ sơ');

/** A result ready across boundaries but held at another center than `ownCenter`: not returned, nor waiting, here. */
export function resultHeldElsewhere(state: DossierState, ownCenter: string): state is DossierState & { route: NonNullable<DossierState['route']>; heldAt: string } {
  return state.status === 'resultReady' && heldElsewhere(state, ownCenter);
}

/**
 * Why a dossier received across boundaries cannot be returned at this center (`ownCenter`, its
 * agency code): its result is held at another center, and comes here in a batch between centers.
 * Undefined when it can be (held here, or where it is held is not known).
 */
export function heldAtAnotherCenter(state: DossierState, ownCenter: string, centerName: CenterNameOf = () => undefined): string | undefined {
  if (!resultHeldElsewhere(state, ownCenter)) return undefined;
  const name = (code: string) => centerLabel(code, centerName(code));
  const to = state.route.returnCenter === ownCenter ? 'trung tâm này' : name(state.route.returnCenter);
  return `Kết quả của hồ sơ ${state.code ?? ''} đang ở ${name(state.heldAt)}, chưa ở trung tâm này: không trả kết quả tại đây. ${capitalised(name(state.heldAt))} chuyển kết quả đến ${to} trong một lô chuyển giữa các trung tâm; trả khi lô đến và đã quét nhận.`;
}

/** What the card says above a dossier shown from the server's copy (read-only at this counter). */
export function serverCopyNotice(state: DossierState): string {
  return state.status === 'returned'
    ? 'Hồ sơ lấy từ máy chủ (đã xoá khỏi máy quầy theo quy định lưu trữ). Chỉ xem và in phiếu kiểm soát.'
    : 'Hồ sơ lấy từ máy chủ (máy quầy chưa đồng bộ hồ sơ này). Chỉ xem; thao tác sau khi máy quầy đồng bộ xong.';
}
