// The half-filled form survives a reload or a crash: it is saved in db.formDrafts as the officer
// types and removed once the dossier is accepted, sent for supplement or refused.
import type { MotCuaDb } from '../../db';
import type { ReceiveForm } from './form';

/** The receive form's row in db.formDrafts. */
export const RECEIVE_FORM = 'receive';

export interface ReceiveDraft {
  form: ReceiveForm;
  step: number;
}

export async function saveDraft(db: MotCuaDb, draft: ReceiveDraft, now = new Date()): Promise<void> {
  await db.formDrafts.put({ form: RECEIVE_FORM, savedAt: now.toISOString(), draft });
}

export async function loadDraft(db: MotCuaDb): Promise<ReceiveDraft | undefined> {
  const row = await db.formDrafts.get(RECEIVE_FORM);
  // A draft saved by an earlier release may not fit this form: it is taken only if it holds one.
  const draft = row?.draft as Partial<ReceiveDraft> | undefined;
  if (!draft?.form || typeof draft.form !== 'object') return undefined;
  return { form: draft.form, step: typeof draft.step === 'number' ? draft.step : 0 };
}

export async function clearDraft(db: MotCuaDb): Promise<void> {
  await db.formDrafts.delete(RECEIVE_FORM);
}
