// The citizen comes back with the papers a supplement request (Mẫu 02) asked for: its number, typed
// or scanned from the slip, finds the dossier (the number ends with the dossier id's first 8 hex
// digits) and the reception goes on from what was entered then, the papers asked for marked.
import type { Procedure } from '../../../shared/catalogue';
import type { EventOf } from '../../../shared/domain';
import type { MotCuaDb } from '../../db';
import { emptyForm, withProcedure, type ApplicantForm, type ReceiveForm } from './form';
import { parseSupplementReference } from './letters';

export type ResumeOutcome = { ok: true; form: ReceiveForm } | { ok: false; message: string };

export async function resumeSupplementRequest(db: MotCuaDb, text: string, procedures: readonly Procedure[]): Promise<ResumeOutcome> {
  const parsed = parseSupplementReference(text);
  if (!parsed) return { ok: false, message: `«${text.trim()}» không phải số phiếu yêu cầu bổ sung (dạng BS-ngàythángnăm-8 ký tự, ví dụ BS-260112-1A2B3C4D).` };
  const rows = await db.dossiers.where(':id').startsWithIgnoreCase(parsed.idPrefix).toArray();
  const row = rows.find((r) => r.status === 'awaitingSupplement') ?? rows[0];
  if (!row) return { ok: false, message: `Không tìm thấy phiếu ${parsed.reference} trên quầy này. Nếu phiếu lập ở quầy khác, hãy kết nối mạng để đồng bộ rồi thử lại.` };
  if (row.state.code) return { ok: false, message: `Phiếu ${parsed.reference} đã được tiếp nhận thành hồ sơ ${row.state.code}.` };
  if (row.status !== 'awaitingSupplement') return { ok: false, message: `Phiếu ${parsed.reference} không còn chờ bổ sung (hồ sơ đã bị từ chối hoặc dừng).` };
  const procedure = procedures.find((p) => p.code === row.state.procedureCode);
  if (!procedure) return { ok: false, message: `Danh mục của quầy không còn thủ tục ${row.state.procedureCode ?? ''} của phiếu ${parsed.reference}. Hãy kết nối mạng để tải lại danh mục.` };
  const events = await db.events.where('dossierId').equals(row.id).toArray();
  const request = events
    .map((e) => e.event)
    .filter((e): e is EventOf<'supplementRequested'> => e.type === 'supplementRequested' && e.payload.by === 'counter')
    .pop();
  const handed = new Map((request?.payload.documents ?? []).map((d) => [d.name, d]));
  // Letters of earlier releases name the papers only in their items ("name: requirement").
  const askedFor = (name: string) => request?.payload.missing?.includes(name) ?? request?.payload.items.some((item) => item.startsWith(`${name}:`)) ?? false;
  const empty = emptyForm();
  const form = withProcedure({ ...empty, applicant: applicantForm(row.state.applicant, empty.applicant) }, procedure);
  return {
    ok: true,
    form: {
      ...form,
      documents: form.documents.map((line) => {
        const d = handed.get(line.name);
        const asked = askedFor(line.name);
        if (d) return { ...line, askedFor: asked, received: true, originals: d.originals, certifiedCopies: d.certifiedCopies, copies: d.copies };
        // A conditional line neither handed over nor asked for was marked "Không áp dụng".
        return { ...line, askedFor: asked, notApplicable: line.need === 'conditional' && !asked && request?.payload.missing !== undefined };
      }),
      resumes: { dossierId: row.id, reference: parsed.reference },
    },
  };
}

function applicantForm(a: EventOf<'received'>['payload']['applicant'] | undefined, fallback: ApplicantForm): ApplicantForm {
  if (!a) return fallback;
  const contact = { phone: a.phone ?? '', address: a.address ?? '', email: a.email ?? '' };
  return a.kind === 'individual'
    ? { kind: 'individual', name: a.name, idNumber: a.idNumber, taxCode: '', representative: '', ...contact }
    : { kind: 'organisation', name: a.name, idNumber: '', taxCode: a.taxCode, representative: a.representative, ...contact };
}
