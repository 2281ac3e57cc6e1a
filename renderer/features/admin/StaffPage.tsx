// Cán bộ: the accounts — create, edit (name, center, roles, where they may sign in), disable, reset the
// password (a temporary one the officer changes at the next sign-in). Bad input is named at its
// field and nothing is sent; what the server refuses (a username taken) is named there too.
import { useState, type FormEvent } from 'react';
import { formatVietnamDateTime } from '../../../shared/domain';
import type { AdminCentersResponse, AdminDevice, AdminDevicesResponse, AdminStaff, AdminStaffResponse } from '../../../shared/sync/adminProtocol';
import { STAFF_ROLES } from '../../../shared/sync/protocol';
import { passwordProblem } from '../../../shared/auth/passwordRules';
import { ROLE_LABELS } from '../../security/roles';
import { FieldError, TextField } from '../../ui/Field';
import { ServerError } from './adminApi';
import { centerName } from './centers/centerNames';
import type { AdminPageProps } from './page';
import { FormButtons, PageMessages, useAdminList } from './useAdminList';
import { EMPTY_STAFF_FORM, formOf, staffBody, staffFormErrors, type StaffForm, type StaffFormErrors } from './staffForm';

export function StaffPage({ api }: AdminPageProps) {
  const { data: staff, load: loadStaff, error, setError, notice, setNotice } = useAdminList(api, '/v1/admin/staff', 'danh sách cán bộ', (a: AdminStaffResponse) => a.staff);
  const { data: devices = [] } = useAdminList(api, '/v1/admin/devices', 'danh sách quầy', (a: AdminDevicesResponse) => a.devices.filter((d) => !d.revokedAt));
  const { data: centers } = useAdminList(api, '/v1/admin/centers', 'danh sách trung tâm', (a: AdminCentersResponse) => a);
  const [editing, setEditing] = useState<{ account?: AdminStaff }>();
  const [resetting, setResetting] = useState<AdminStaff>();

  const done = async (message: string) => {
    setNotice(message);
    setEditing(undefined);
    setResetting(undefined);
    await loadStaff();
  };

  async function setDisabled(account: AdminStaff, disabled: boolean) {
    setNotice(undefined);
    try {
      await api.patch(`/v1/admin/staff/${account.username}`, { disabled });
      await done(disabled ? `Đã khoá tài khoản ${account.username}: tài khoản không đăng nhập được nữa, kể cả tại quầy mất kết nối sau lần đồng bộ tới.` : `Đã mở khoá tài khoản ${account.username}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="admin-staff">
      <PageMessages error={error} notice={notice} />
      {editing ? (
        <StaffEditor api={api} account={editing.account} devices={devices} centers={centers} onCancel={() => setEditing(undefined)} onSaved={done} />
      ) : resetting ? (
        <PasswordReset api={api} account={resetting} onCancel={() => setResetting(undefined)} onSaved={done} />
      ) : (
        <div className="admin-actions">
          <button type="button" className="primary" onClick={() => (setNotice(undefined), setEditing({}))}>
            Thêm cán bộ
          </button>
        </div>
      )}
      <h3>Tài khoản</h3>
      {!staff ? (
        <p className="hint">Đang tải…</p>
      ) : (
        <table className="admin-table" aria-label="Tài khoản cán bộ">
          <thead>
            <tr>
              <th>Tên đăng nhập</th>
              <th>Họ tên</th>
              <th>Trung tâm</th>
              <th>Vai trò</th>
              <th>Quầy được đăng nhập</th>
              <th>Trạng thái</th>
              <th>Đăng nhập gần nhất</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {staff.map((a) => (
              <tr key={a.id} data-username={a.username}>
                <td>{a.username}</td>
                <td>{a.fullName}</td>
                <td>{centerName(centers?.centers ?? [], a.centerId)}</td>
                <td>{a.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                <td>{countersLabel(a, devices)}</td>
                <td>{a.disabled ? 'Đã khoá' : a.mustChangePassword ? 'Chờ đổi mật khẩu tạm' : 'Đang hoạt động'}</td>
                <td>{a.lastSignInAt ? formatVietnamDateTime(a.lastSignInAt) : 'Chưa đăng nhập'}</td>
                <td>
                  <div className="admin-actions">
                    <button type="button" onClick={() => (setNotice(undefined), setResetting(undefined), setEditing({ account: a }))} aria-label={`Sửa ${a.username}`}>
                      Sửa
                    </button>
                    <button type="button" onClick={() => (setNotice(undefined), setEditing(undefined), setResetting(a))} aria-label={`Đặt lại mật khẩu ${a.username}`}>
                      Đặt lại mật khẩu
                    </button>
                    <button type="button" className={a.disabled ? '' : 'danger'} onClick={() => void setDisabled(a, !a.disabled)} aria-label={`${a.disabled ? 'Mở khoá' : 'Khoá'} ${a.username}`}>
                      {a.disabled ? 'Mở khoá' : 'Khoá'}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The select's value for an account of the province (no center). */
const PROVINCE = '*';

function countersLabel(account: AdminStaff, devices: AdminDevice[]): string {
  if (account.counters === null) return account.roles.includes('administrator') ? 'Không quầy nào khi mất kết nối (trực tuyến: mọi quầy)' : 'Mọi quầy';
  return account.counters.map((id) => devices.find((d) => d.counterId === id)?.counterName ?? id).join(', ');
}

function StaffEditor(props: { api: AdminPageProps['api']; account?: AdminStaff; devices: AdminDevice[]; centers?: AdminCentersResponse; onCancel(): void; onSaved(message: string): Promise<void> }) {
  const isNew = !props.account;
  // A center's administrator makes accounts of its own center only; a provincial one picks any center or the province.
  const ownCenter = props.centers?.adminCenterId ?? null;
  const [form, setForm] = useState<StaffForm>(props.account ? formOf(props.account) : { ...EMPTY_STAFF_FORM, centerId: ownCenter });
  const centerList = props.centers?.centers ?? [];
  const devices = form.centerId === null ? props.devices : props.devices.filter((d) => d.site === form.centerId);
  const [errors, setErrors] = useState<StaffFormErrors & { form?: string }>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<StaffForm>) => setForm((f) => ({ ...f, ...patch }));
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = staffFormErrors(form, isNew);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (isNew) await props.api.post('/v1/admin/staff', staffBody(form, true));
      else await props.api.patch(`/v1/admin/staff/${props.account!.username}`, staffBody(form, false));
      await props.onSaved(
        isNew ? `Đã tạo tài khoản ${form.username.trim()}. Cán bộ đăng nhập bằng mật khẩu tạm và phải đặt mật khẩu mới ngay lần đầu.` : `Đã lưu tài khoản ${props.account!.username}.`,
      );
    } catch (e) {
      const taken = e instanceof ServerError && e.code === 'ALREADY_EXISTS';
      const weak = e instanceof ServerError && /^Mật khẩu/.test(e.message);
      setErrors(taken ? { username: `${e.message} Hãy chọn tên khác; chưa có gì được lưu.` } : weak ? { password: e.message } : { form: `${(e as Error).message} Chưa có gì được lưu.` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="admin-editor" onSubmit={submit} aria-label={isNew ? 'Thêm cán bộ' : `Sửa tài khoản ${props.account!.username}`}>
      <h3>{isNew ? 'Thêm cán bộ' : `Sửa tài khoản ${props.account!.username}`}</h3>
      <div className="admin-form">
        {isNew ? (
          <TextField
            id="staff-username"
            label="Tên đăng nhập"
            value={form.username}
            onValue={(username) => set({ username: username.toLowerCase() })}
            error={errors.username}
            autoComplete="off"
            hint="chữ thường không dấu, số và . _ -"
          />
        ) : null}
        <TextField id="staff-fullname" label="Họ tên" value={form.fullName} onValue={(fullName) => set({ fullName })} error={errors.fullName} autoComplete="off" scan="typing" />
        {isNew ? (
          <TextField
            id="staff-password"
            label="Mật khẩu tạm"
            type="password"
            value={form.password}
            onValue={(password) => set({ password })}
            error={errors.password}
            autoComplete="new-password"
            hint="ít nhất 8 ký tự, không chứa tên đăng nhập; cán bộ đổi ngay lần đăng nhập đầu"
          />
        ) : null}
        {ownCenter === null ? (
          <label className="field span-2" htmlFor="staff-center">
            <span>Trung tâm của tài khoản</span>
            <select id="staff-center" value={form.centerId ?? PROVINCE} onChange={(e) => set({ centerId: e.target.value === PROVINCE ? null : e.target.value, counters: [] })}>
              <option value={PROVINCE}>Cấp tỉnh (mọi trung tâm)</option>
              {centerList.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <small className="field-hint">tài khoản của một trung tâm chỉ đăng nhập tại quầy của trung tâm đó</small>
          </label>
        ) : (
          <p className="field">
            <span>Trung tâm của tài khoản</span>
            <strong>{centerName(centerList, ownCenter)}</strong>
          </p>
        )}
        <fieldset className={errors.roles ? 'wide field invalid' : 'wide field'} aria-describedby={errors.roles ? 'staff-roles-error' : undefined}>
          <legend>Vai trò (quầy làm việc)</legend>
          {STAFF_ROLES.map((role) => (
            <label key={role} className="inline">
              <input type="checkbox" checked={form.roles.includes(role)} onChange={(e) => set({ roles: toggle(form.roles, role, e.target.checked) })} /> {ROLE_LABELS[role]}
            </label>
          ))}
          <FieldError id="staff-roles" error={errors.roles} />
        </fieldset>
        <fieldset className={errors.counters ? 'wide field invalid' : 'wide field'} aria-describedby={errors.counters ? 'staff-counters-error' : undefined}>
          <legend>Quầy được đăng nhập (cả khi mất kết nối)</legend>
          <label className="inline">
            <input type="radio" name="staff-where" checked={form.where === 'all'} onChange={() => set({ where: 'all' })} /> Mọi quầy
            {form.roles.includes('administrator') ? ' (quản trị viên: chỉ khi trực tuyến)' : ''}
          </label>
          <label className="inline">
            <input type="radio" name="staff-where" checked={form.where === 'listed'} onChange={() => set({ where: 'listed' })} /> Chỉ các quầy chọn dưới đây
          </label>
          {form.where === 'listed' && (
            <div className="admin-checklist">
              {devices.length === 0 && <span className="hint">Chưa có quầy nào được đăng ký{form.centerId === null ? '' : ' ở trung tâm này'}.</span>}
              {devices.map((d) => (
                <label key={d.counterId} className="inline">
                  <input type="checkbox" checked={form.counters.includes(d.counterId)} onChange={(e) => set({ counters: toggle(form.counters, d.counterId, e.target.checked) })} /> {d.counterName} (
                  {d.counterId})
                </label>
              ))}
            </div>
          )}
          <FieldError id="staff-counters" error={errors.counters} />
        </fieldset>
      </div>
      {errors.form && (
        <p role="alert" className="banner error">
          {errors.form}
        </p>
      )}
      <FormButtons busy={busy} label={isNew ? 'Tạo tài khoản' : 'Lưu thay đổi'} onCancel={props.onCancel} />
    </form>
  );
}

function PasswordReset(props: { api: AdminPageProps['api']; account: AdminStaff; onCancel(): void; onSaved(message: string): Promise<void> }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const weak = passwordProblem(password, props.account.username);
    setError(weak ? `Mật khẩu ${weak}` : undefined);
    if (weak) return;
    setBusy(true);
    try {
      await props.api.patch(`/v1/admin/staff/${props.account.username}`, { password, mustChangePassword: true });
      await props.onSaved(`Đã đặt lại mật khẩu của ${props.account.username}. Cán bộ đăng nhập bằng mật khẩu tạm này (khi quầy có kết nối) và phải đặt mật khẩu mới.`);
    } catch (e) {
      setError(`${(e as Error).message} Mật khẩu cũ vẫn giữ nguyên.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="admin-editor" onSubmit={submit} aria-label={`Đặt lại mật khẩu ${props.account.username}`}>
      <h3>
        Đặt lại mật khẩu – {props.account.fullName} ({props.account.username})
      </h3>
      <div className="admin-form">
        <TextField
          id="reset-password"
          label="Mật khẩu tạm mới"
          type="password"
          value={password}
          onValue={setPassword}
          error={error}
          autoComplete="new-password"
          hint="cán bộ phải đổi ngay lần đăng nhập tới"
        />
      </div>
      <FormButtons busy={busy} label="Đặt lại mật khẩu" onCancel={props.onCancel} />
    </form>
  );
}
