// Vietnamese explanations of why the state machine refused a step: what happened, what to do.
import { EVENT_ACTIONS, STATUS_LABELS } from './labels';
import { formatVietnamDateTime } from './time';
import type { DossierEvent, DossierState } from './types';

const CHECK_AGAIN = 'Hãy tải lại hồ sơ để xem trạng thái mới nhất; nếu vẫn sai, báo người quản lý.';

export function dossierName(state: DossierState | undefined, midSentence = false): string {
  const noun = midSentence ? 'hồ sơ' : 'Hồ sơ';
  return state?.code ? `${noun} ${state.code}` : `${noun} này`;
}

export function unknownDossierMessage(event: DossierEvent): string {
  return `Không tìm thấy hồ sơ trên máy này nên không thể ${EVENT_ACTIONS[event.type]}. ` + 'Hồ sơ phải được tiếp nhận trước; nếu đã tiếp nhận ở quầy khác, hãy đồng bộ dữ liệu rồi thử lại.';
}

export function dossierExistsMessage(state: DossierState): string {
  const when = state.receivedAt ? ` lúc ${formatVietnamDateTime(state.receivedAt)}` : '';
  return `${dossierName(state)} đã được tiếp nhận${when}, không tiếp nhận lại. ` + 'Nếu người nộp mang giấy tờ bổ sung, hãy ghi nhận hồ sơ bổ sung.';
}

/** The step is not in the table from the dossier's status (or from this variant's statuses). */
export function illegalTransitionMessage(state: DossierState, event: DossierEvent): string {
  const name = dossierName(state);
  const action = EVENT_ACTIONS[event.type];
  if (state.status === 'returned' && event.type === 'returned') {
    const when = state.returnedAt ? ` lúc ${formatVietnamDateTime(state.returnedAt)}` : '';
    return `${name} đã trả kết quả${when}, không thể trả lần nữa.`;
  }
  if (state.status === 'withdrawn') return `${name} đã được rút theo đề nghị của người nộp, không thể ${action}.`;
  if (state.status === 'refused') {
    return `${name} đã bị từ chối, không thể ${action}. Nếu người nộp nộp lại, hãy tiếp nhận như một hồ sơ mới.`;
  }
  if (event.type === 'supplementRequested' && event.payload.by === 'counter') {
    return `${name} đã có trong hệ thống (${STATUS_LABELS[state.status]}); quầy chỉ yêu cầu bổ sung khi chưa tiếp nhận. Việc yêu cầu bổ sung sau đó do cơ quan giải quyết thực hiện.`;
  }
  if (event.type === 'refused' && event.payload.by === 'counter') {
    return `${name} đã qua bước tiếp nhận (${STATUS_LABELS[state.status]}); quầy chỉ từ chối khi chưa tiếp nhận hồ sơ.`;
  }
  if (event.type === 'withdrawn' && state.status === 'correctionRequested') {
    return `${name} đã trả kết quả và đang đính chính, không thể rút hồ sơ.`;
  }
  return `Không thể ${action}: ${dossierName(state, true)} đang ở trạng thái “${STATUS_LABELS[state.status]}”. ${CHECK_AGAIN}`;
}

/** The step needs the dossier to have been received at the counter, and it was not. */
export function notReceivedMessage(state: DossierState, event: DossierEvent): string {
  if (event.type === 'supplementSupplied') {
    return 'Hồ sơ chưa được tiếp nhận (chưa có mã hồ sơ). Khi người nộp mang đủ giấy tờ, hãy tiếp nhận hồ sơ và in giấy tiếp nhận.';
  }
  if (event.type === 'feeCollected') return 'Hồ sơ chưa được tiếp nhận; phí, lệ phí chỉ thu khi tiếp nhận hồ sơ.';
  return `${dossierName(state)} chưa được tiếp nhận, không thể ${EVENT_ACTIONS[event.type]}.`;
}

/** The step is only for a dossier not yet received, and this one was. */
export function alreadyReceivedMessage(state: DossierState, event: DossierEvent): string {
  return `${dossierName(state)} đã được tiếp nhận và đang chờ bổ sung theo yêu cầu của cơ quan giải quyết; quầy không thể ${EVENT_ACTIONS[event.type]} ở bước này.`;
}

export function apologyAlreadyIssuedMessage(state: DossierState): string {
  const when = state.newDueAt ? ` (ngày hẹn mới ${formatVietnamDateTime(state.newDueAt)})` : '';
  return `${dossierName(state)} đã có văn bản xin lỗi và hẹn lại một lần${when}; theo quy định chỉ được hẹn lại một lần.`;
}

export function batchMismatchMessage(state: DossierState, batchId: string): string {
  const current = state.currentBatchId ? ` (hồ sơ đang thuộc lô ${state.currentBatchId})` : '';
  return `${dossierName(state)} không thuộc lô ${batchId}${current}. Hãy đối chiếu biên bản giao nhận hồ sơ.`;
}

export function duplicateEventMessage(state: DossierState): string {
  return `${dossierName(state)} đã ghi nhận thao tác này rồi (trùng mã sự kiện); không ghi lại lần nữa.`;
}

export function dossierMismatchMessage(state: DossierState): string {
  return `Sự kiện không thuộc ${dossierName(state, true)} (sai mã định danh hồ sơ). Báo người quản lý kiểm tra.`;
}

/** A digitised copy names a checklist line the reception did not tick. */
export function lineNotInChecklistMessage(state: DossierState, line: number): string {
  const count = state.documentCount ?? 0;
  return `${dossierName(state)} chỉ có ${count} giấy tờ trong danh mục tiếp nhận, không có giấy tờ số ${line + 1} để số hóa. Hãy tải lại hồ sơ và chọn đúng giấy tờ.`;
}

/** A stopped dossier's papers cannot take this step from where they are (state.papers). */
export function papersNotHereMessage(state: DossierState, event: DossierEvent): string {
  const name = dossierName(state);
  const when = state.papersMovedAt ? ` lúc ${formatVietnamDateTime(state.papersMovedAt)}` : '';
  if (state.papers === 'handedBack') {
    return `${name} đã dừng giải quyết và giấy tờ đã trả lại người nộp${when}; không ghi nhận thêm.`;
  }
  if (state.papers === 'atCenter') {
    return `${name} đã dừng giải quyết và giấy tờ đã về Trung tâm${when}, không nhận về lần nữa. Hãy trả lại giấy tờ cho người nộp tại màn hình Dừng hồ sơ.`;
  }
  const step = event.type === 'applicantNotified' ? 'báo người nộp đến nhận' : 'trả lại người nộp';
  return `${name} đã dừng giải quyết nhưng giấy tờ chưa về Trung tâm (còn ở cơ quan giải quyết hoặc bưu điện); chỉ ${step} khi giấy tờ đã về qua lô nhận từ bưu điện.`;
}

/** A batch between centers must leave from where the dossier is, and arrive where it was sent. */
export function notAtThatCenterMessage(state: DossierState, center: string, step: 'send' | 'arrive'): string {
  const name = dossierName(state);
  if (step === 'send') {
    return `${name} đang ở trung tâm mã ${state.heldAt ?? ''}, không phải trung tâm mã ${center}: chỉ trung tâm đang giữ hồ sơ mới chuyển hồ sơ đi. ${CHECK_AGAIN}`;
  }
  const to = state.boundFor ? `được chuyển đến trung tâm mã ${state.boundFor}` : 'không được chuyển giữa các trung tâm';
  return `${name} ${to}, không phải trung tâm mã ${center}. Hãy đối chiếu biên bản giao nhận hồ sơ.`;
}
