// The half-filled form survives a reload or a crash: it is saved in db.drafts as the officer types
// and removed once the dossier is accepted, sent for supplement or refused.
import type { MotCuaDb } from '../../db';
import type { ReceiveForm } from './form';

export const RECEIVE_DRAFT_ID = 'receive:current';

export interface ReceiveDraft {
  form: ReceiveForm;
  step: number;
}

export async function saveDraft(db: MotCuaDb, draft: ReceiveDraft, now = new Date()): Promise<void> {
  await db.drafts.put({ id: RECEIVE_DRAFT_ID, kind: 'receive', updatedAt: now.toISOString(), data: draft });
}

export async function loadDraft(db: MotCuaDb): Promise<ReceiveDraft | undefined> {
  const row = await db.drafts.get(RECEIVE_DRAFT_ID);
  const data = row?.data as Partial<ReceiveDraft> | undefined;
  if (!data?.form || typeof data.form !== 'object') return undefined;
  return { form: data.form, step: typeof data.step === 'number' ? data.step : 0 };
}

export async function clearDraft(db: MotCuaDb): Promise<void> {
  await db.drafts.delete(RECEIVE_DRAFT_ID);
}
