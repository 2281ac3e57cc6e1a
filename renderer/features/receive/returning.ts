// A returning citizen: the latest dossier with the same ID number (indexed) fills the applicant.
import { validateCitizenId } from '../../../shared/codes';
import type { MotCuaDb } from '../../db';
import type { ApplicantForm } from './form';

export async function findReturningApplicant(db: MotCuaDb, idText: string): Promise<ApplicantForm | undefined> {
  const id = validateCitizenId(idText, { allowPassport: true });
  if (!id.ok) return undefined;
  const rows = await db.dossiers.where('applicantIdNumber').equals(id.value.number).limit(50).toArray();
  let best: { at: string; form: ApplicantForm } | undefined;
  for (const row of rows) {
    const a = row.state.applicant;
    if (!a || a.kind !== 'individual') continue;
    const at = row.state.receivedAt ?? '';
    if (!best || at > best.at) {
      best = { at, form: { kind: 'individual', name: a.name, idNumber: a.idNumber, taxCode: '', representative: '', phone: a.phone ?? '', address: a.address ?? '', email: a.email ?? '' } };
    }
  }
  return best?.form;
}
