// A center added or edited by the provincial administrator: every field checked at once by the one
// check of a center (shared/centers, which the server applies too); what only the server knows (a
// code taken meanwhile) comes back named at its field. Nothing is sent while a field is wrong.
import { useState, type FormEvent } from 'react';
import { CENTER_LEVEL_LABELS, centerProblems, type CenterDraft, type CenterField } from '../../../../shared/centers';
import { provinceOfAgencyCode } from '../../../../shared/codes';
import { CENTER_LEVELS, type CenterLevel } from '../../../../shared/sync/protocol';
import { FieldError, TextField } from '../../../ui/Field';
import { ServerError, type AdminApi } from '../adminApi';
import { FormButtons } from '../useAdminList';
import type { AdminCenter } from './centerNames';

const NO_PARENT = '-';

export function CenterEditor(props: { api: AdminApi; center?: AdminCenter; centers: readonly AdminCenter[]; onCancel(): void; onSaved(message: string): Promise<void> }) {
  const isNew = !props.center;
  const provincialCenter = props.centers.find((c) => c.id === '');
  const [form, setForm] = useState({
    id: props.center?.id ?? '',
    agencyCode: props.center?.agencyCode ?? '',
    name: props.center?.name ?? '',
    address: props.center?.address ?? '',
    level: props.center?.level ?? ('xa' as CenterLevel),
    parent: props.center ? (props.center.parentId ?? NO_PARENT) : '',
  });
  const [errors, setErrors] = useState<Partial<Record<CenterField | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const draft: CenterDraft = {
      // As in a sheet: no id typed, the agency code is the id.
      id: form.id.trim() || form.agencyCode.trim(),
      agencyCode: form.agencyCode.trim(),
      name: form.name.trim(),
      ...(form.address.trim() ? { address: form.address.trim() } : {}),
      level: form.level,
      ...(form.parent !== NO_PARENT ? { parentId: form.parent } : {}),
    };
    const problems = centerProblems(draft, {
      province: provinceOfAgencyCode(provincialCenter?.agencyCode ?? '') ?? '',
      defaultAgencyCode: provincialCenter?.agencyCode ?? '',
      agencyCodeOwner: (code, id) => props.centers.find((c) => c.agencyCode === code && c.id !== id)?.id,
      centerExists: (id) => props.centers.some((c) => c.id === id),
    });
    // With neither an id nor an agency code, the agency code's own error says what to type.
    const found = Object.fromEntries(problems.filter((p) => p.field !== 'id' || draft.id !== '').map((p) => [p.field, p.message]));
    if (isNew && draft.id !== '' && props.centers.some((c) => c.id === draft.id)) found.id = `Đã có trung tâm mã ${draft.id}; chọn mã khác hoặc sửa trung tâm đó.`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { id, ...body } = draft;
      await props.api.put(`/v1/admin/centers/${encodeURIComponent(id)}`, body);
      await props.onSaved(isNew ? `Đã thêm ${draft.name}. Cấp mã đăng ký quầy cho trung tâm ở trang Quầy.` : `Đã lưu ${draft.name}.`);
    } catch (e) {
      const field = e instanceof ServerError ? (e.details as { field?: string } | undefined)?.field?.slice(1) : undefined;
      setErrors(field ? { [field]: `${(e as Error).message} Chưa có gì được lưu.` } : { form: `${(e as Error).message} Chưa có gì được lưu.` });
    } finally {
      setBusy(false);
    }
  }

  const title = isNew ? 'Thêm trung tâm' : `Sửa ${props.center!.name}`;
  return (
    <form noValidate className="admin-editor" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <div className="admin-form">
        {isNew ? (
          <TextField
            id="center-id"
            label="Mã trung tâm"
            value={form.id}
            onValue={(id) => set({ id })}
            error={errors.id}
            autoComplete="off"
            hint="chữ không dấu, số và . _ - (ví dụ xa-dien-chau); bỏ trống: lấy mã cơ quan"
          />
        ) : null}
        <TextField
          id="center-agency"
          label="Mã cơ quan"
          value={form.agencyCode}
          onValue={(agencyCode) => set({ agencyCode })}
          error={errors.agencyCode}
          autoComplete="off"
          hint="mã định danh QCVN 102:2016, ví dụ 000.22.41.H41; mã hồ sơ mang mã này"
        />
        <div className="wide">
          <TextField id="center-name" label="Tên trung tâm" value={form.name} onValue={(name) => set({ name })} error={errors.name} autoComplete="off" scan="typing" />
        </div>
        <div className="wide">
          <TextField id="center-address" label="Địa chỉ (không bắt buộc)" value={form.address} onValue={(address) => set({ address })} error={errors.address} autoComplete="off" scan="typing" />
        </div>
        <label className={errors.level ? 'field invalid' : 'field'} htmlFor="center-level">
          <span>Cấp</span>
          <select id="center-level" value={form.level} onChange={(e) => set({ level: e.target.value as CenterLevel })}>
            {CENTER_LEVELS.map((l) => (
              <option key={l} value={l}>
                {CENTER_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
          <FieldError id="center-level" error={errors.level} />
        </label>
        <label className={errors.parentId ? 'field invalid span-2' : 'field span-2'} htmlFor="center-parent">
          <span>Trung tâm cấp trên</span>
          <select id="center-parent" value={form.parent} onChange={(e) => set({ parent: e.target.value })}>
            <option value={NO_PARENT}>(không có)</option>
            {props.centers
              .filter((c) => c.id !== props.center?.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
          <FieldError id="center-parent" error={errors.parentId} />
        </label>
      </div>
      {errors.form && (
        <p role="alert" className="banner error">
          {errors.form}
        </p>
      )}
      <FormButtons busy={busy} label={isNew ? 'Thêm trung tâm' : 'Lưu thay đổi'} onCancel={props.onCancel} />
    </form>
  );
}
