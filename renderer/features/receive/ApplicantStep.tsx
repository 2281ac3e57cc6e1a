// Step 2: who submits. A known ID number fills the form from the citizen's last dossier.
import { useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { TextField } from '../../ui/Field';
import type { ApplicantForm, FieldErrors } from './form';
import { findReturningApplicant } from './returning';

export function ApplicantStep({ value, errors, onChange }: { value: ApplicantForm; errors: FieldErrors; onChange(a: ApplicantForm): void }) {
  const { db } = useKiosk();
  const [found, setFound] = useState<string>();
  const set = (patch: Partial<ApplicantForm>) => onChange({ ...value, ...patch });
  const lookUp = async () => {
    if (value.kind !== 'individual' || value.idNumber.trim() === '') return;
    const known = await findReturningApplicant(db, value.idNumber);
    if (!known) return setFound(undefined);
    // Only empty fields are filled: what the officer already typed is never overwritten.
    onChange({ ...value, name: value.name || known.name, phone: value.phone || known.phone, address: value.address || known.address, email: value.email || known.email });
    setFound(`Công dân đã từng nộp hồ sơ: đã điền thông tin lần trước (${known.name}). Hãy hỏi lại địa chỉ, số điện thoại còn đúng không.`);
  };
  return (
    <div className="step-body">
      <fieldset className="kind">
        <legend>Người nộp là</legend>
        <label className="inline">
          <input type="radio" name="applicant-kind" checked={value.kind === 'individual'} onChange={() => set({ kind: 'individual' })} /> Cá nhân
        </label>
        <label className="inline">
          <input type="radio" name="applicant-kind" checked={value.kind === 'organisation'} onChange={() => set({ kind: 'organisation' })} /> Tổ chức, doanh nghiệp
        </label>
      </fieldset>
      <div className="grid2">
        {value.kind === 'individual' ? (
          <TextField
            id="applicant-id"
            scan="typing"
            label="Số CCCD / CMND / hộ chiếu"
            value={value.idNumber}
            onValue={(idNumber) => set({ idNumber })}
            onBlur={() => void lookUp()}
            error={errors.idNumber}
            inputMode="text"
            autoComplete="off"
            autoFocus
          />
        ) : (
          <TextField id="applicant-tax" scan="typing" label="Mã số thuế (mã định danh tổ chức)" value={value.taxCode} onValue={(taxCode) => set({ taxCode })} error={errors.taxCode} autoFocus />
        )}
        <TextField id="applicant-name" scan="typing" label={value.kind === 'individual' ? 'Họ và tên' : 'Tên tổ chức'} value={value.name} onValue={(name) => set({ name })} error={errors.name} />
        {value.kind === 'organisation' ? (
          <TextField id="applicant-rep" scan="typing" label="Người đại diện" value={value.representative} onValue={(representative) => set({ representative })} error={errors.representative} />
        ) : null}
        <TextField id="applicant-phone" scan="typing" label="Số điện thoại" value={value.phone} onValue={(phone) => set({ phone })} error={errors.phone} inputMode="tel" />
        <TextField id="applicant-address" scan="typing" label="Địa chỉ" value={value.address} onValue={(address) => set({ address })} error={errors.address} />
        <TextField id="applicant-email" scan="typing" label="Email" value={value.email} onValue={(email) => set({ email })} error={errors.email} type="email" />
      </div>
      {found ? (
        <p className="banner ok" role="status">
          {found}
        </p>
      ) : null}
    </div>
  );
}
