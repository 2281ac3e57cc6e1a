// After a stop: the papers' way back to the applicant. Papers that were away come back through an
// inbound courier batch (handoff/inbound.ts records papersReturned 'atCenter'); here the desk hands
// them back, identity checked as for the stop, and lists the stopped dossiers still to finish.
import type { DossierEvent, DossierState } from '../../../shared/domain';
import { nowOf, type DeskContext } from '../../desk/context';
import { dossiersInStatus, recordCommand, type DossierRow, type MotCuaDb } from '../../db';
import { checkIdentity, type DeskIdentity, type IdentityErrors } from './stop';

export interface HandBackForm extends DeskIdentity {
  /** For a representative: what authorises them (the letter's number and date). */
  authorisationNote: string;
}

export type HandBackErrors = IdentityErrors & { dossier?: string };

export const EMPTY_HAND_BACK: HandBackForm = { requester: 'applicant', requesterName: '', idNumber: '', authorisationSeen: false, authorisationNote: '' };

export function checkHandBack(state: DossierState | undefined, form: HandBackForm): HandBackErrors {
  if (!state) return { dossier: 'Chưa chọn hồ sơ: quét hoặc nhập mã hồ sơ trên giấy tiếp nhận.' };
  const errors: HandBackErrors = checkIdentity(state, form, 'nhận lại giấy tờ');
  if (state.status !== 'withdrawn') errors.dossier = 'Hồ sơ chưa dừng giải quyết: chỉ trả lại giấy tờ của hồ sơ đã dừng.';
  else if (state.papers === 'away') errors.dossier = 'Giấy tờ chưa về Trung tâm: chờ bưu điện mang về (quét ở lô nhận kết quả) rồi mới trả lại người nộp.';
  else if (state.papers === 'handedBack') errors.dossier = 'Giấy tờ của hồ sơ này đã trả lại người nộp.';
  return errors;
}

export type HandBackOutcome = { ok: true; state: DossierState } | { ok: false; errors: HandBackErrors };

/** Records the hand-back (papersReturned, stage toApplicant) once the person at the desk is checked. */
export async function handBackPapers(ctx: Pick<DeskContext, 'db' | 'eventMeta' | 'now'>, state: DossierState | undefined, form: HandBackForm): Promise<HandBackOutcome> {
  const errors = checkHandBack(state, form);
  if (Object.keys(errors).length > 0 || !state) return { ok: false, errors };
  const authorised = form.requester === 'representative';
  const note = form.authorisationNote.trim();
  const event = {
    ...ctx.eventMeta(state.id),
    type: 'papersReturned',
    payload: {
      stage: 'toApplicant',
      recipient: {
        name: form.requesterName.trim(),
        idNumber: form.idNumber.replace(/\s+/g, ''),
        authorised,
        ...(authorised && note ? { authorisationNote: note } : {}),
      },
      at: nowOf(ctx).toISOString(),
    },
  } as DossierEvent;
  const recorded = await recordCommand(ctx.db, [event]);
  if (!recorded.ok) return { ok: false, errors: { dossier: recorded.error.message } };
  return { ok: true, state: recorded.state };
}

export interface StoppedPapers {
  /** Stopped while out of the Center: the department must send the papers back. */
  away: DossierRow[];
  /** Back at the Center (or never left): waiting for the applicant to collect them. */
  atCenter: DossierRow[];
}

/** Stopped dossiers whose papers are not yet back in the applicant's hands, longest waiting first. */
export async function listStoppedPapers(db: MotCuaDb, limit = 200): Promise<StoppedPapers> {
  const stopped = await dossiersInStatus(db, 'withdrawn').toArray();
  const since = (r: DossierRow) => r.state.papersMovedAt ?? '';
  const pick = (where: 'away' | 'atCenter') =>
    stopped
      .filter((r) => r.state.papers === where)
      .sort((a, b) => since(a).localeCompare(since(b)))
      .slice(0, limit);
  return { away: pick('away'), atCenter: pick('atCenter') };
}
