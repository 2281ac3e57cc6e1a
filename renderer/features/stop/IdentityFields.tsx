// Who is at the desk, the ID paper they show and, for a representative, the authorisation seen:
// the identity part of both forms of this screen (the stop itself and the hand-back of the papers),
// checked by the one `checkIdentity`.
import { FieldError, TextField } from '../../ui/Field';
import { CardNoteBanner, cardFilledMessage, useCitizenCardScans } from '../dossier/CardScans';
import type { DeskIdentity, IdentityErrors } from './stop';

export interface IdentityFieldsProps<T extends DeskIdentity> {
  /** Prefix of the fields' ids and of the radio group's name. */
  idPrefix: string;
  legend: string;
  nameLabel: string;
  idLabel: string;
  form: T;
  setForm: (form: T) => void;
  errors: IdentityErrors;
  /** Filled in as the name when the applicant in person is chosen; absent: the name is left as typed. */
  applicantName?: string;
}

export function IdentityFields<T extends DeskIdentity>({ idPrefix, legend, nameLabel, idLabel, form, setForm, errors, applicantName }: IdentityFieldsProps<T>) {
  // A representative's name comes from their card too; the applicant's is already the dossier's.
  const cardNote = useCitizenCardScans((card) => {
    const representative = form.requester === 'representative';
    setForm({ ...form, idNumber: card.idNumber, ...(representative ? { requesterName: card.fullName } : {}) });
    return cardFilledMessage(card, representative ? undefined : form.requesterName);
  });
  return (
    <>
      <CardNoteBanner note={cardNote} />
      <fieldset>
        <legend>{legend}</legend>
        <label>
          <input
            type="radio"
            name={`${idPrefix}-requester`}
            checked={form.requester === 'applicant'}
            onChange={() => setForm({ ...form, requester: 'applicant', ...(applicantName === undefined ? {} : { requesterName: applicantName }) })}
          />{' '}
          Chính người nộp
        </label>
        <label>
          <input type="radio" name={`${idPrefix}-requester`} checked={form.requester === 'representative'} onChange={() => setForm({ ...form, requester: 'representative', requesterName: '' })} />{' '}
          Người được ủy quyền
        </label>
      </fieldset>
      <TextField id={`${idPrefix}-name`} scan="typing" label={nameLabel} value={form.requesterName} onValue={(v) => setForm({ ...form, requesterName: v })} error={errors.requesterName} />
      <TextField id={`${idPrefix}-id`} scan="typing" label={idLabel} value={form.idNumber} onValue={(v) => setForm({ ...form, idNumber: v })} error={errors.idNumber} inputMode="numeric" />
      {form.requester === 'representative' ? (
        <label className="field">
          <span>
            <input type="checkbox" checked={form.authorisationSeen} onChange={(e) => setForm({ ...form, authorisationSeen: e.target.checked })} /> Đã kiểm tra giấy ủy quyền hợp lệ
          </span>
          <FieldError id={`${idPrefix}-auth`} error={errors.authorisationSeen} />
        </label>
      ) : null}
    </>
  );
}
