// The half-filled form survives a reload or a crash: it is saved in db.formDrafts as the officer
// types and removed once the dossier is accepted, sent for supplement or refused.
import type { MotCuaDb, RowWrite } from '../../db';
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

/**
 * Removing the draft is part of the command that records the dossier or the letter (recordCommand's
 * `also`): both are durable together, so a reload can never bring back a form already recorded.
 */
export const CLEAR_RECEIVE_DRAFT: RowWrite = { table: 'formDrafts', op: 'delete', key: RECEIVE_FORM };
