// The account form of Cán bộ: what it holds, how it is checked before the server is asked (the
// same rules the server applies), and the body it sends.
import { passwordProblem } from '../../../shared/auth/passwordRules';
import type { AdminStaff } from '../../../shared/sync/adminProtocol';
import type { StaffRole } from '../../../shared/sync/protocol';

export interface StaffForm {
  username: string;
  fullName: string;
  roles: StaffRole[];
  /** 'all': every counter (desk staff; none for an administrator); 'listed': only `counters`. */
  where: 'all' | 'listed';
  counters: string[];
  /** Only for a new account: its temporary password. */
  password: string;
  /** The center the account belongs to; null: the province (every center). */
  centerId: string | null;
}

export type StaffFormErrors = Partial<Record<'username' | 'fullName' | 'roles' | 'counters' | 'password', string>>;

export const EMPTY_STAFF_FORM: StaffForm = { username: '', fullName: '', roles: [], where: 'all', counters: [], password: '', centerId: null };

export function formOf(account: AdminStaff): StaffForm {
  return {
    username: account.username,
    fullName: account.fullName,
    roles: account.roles,
    where: account.counters === null ? 'all' : 'listed',
    counters: account.counters ?? [],
    password: '',
    centerId: account.centerId,
  };
}

/** Every problem of the form at once, in Vietnamese; empty when it may be sent. */
export function staffFormErrors(form: StaffForm, isNew: boolean): StaffFormErrors {
  const errors: StaffFormErrors = {};
  if (isNew && !/^[a-z0-9._-]{2,64}$/.test(form.username.trim())) errors.username = 'Tên đăng nhập cần từ 2 đến 64 ký tự: chữ thường không dấu, số và . _ - (ví dụ lan.nt).';
  const name = form.fullName.trim();
  if (name.length === 0 || name.length > 200) errors.fullName = 'Hãy nhập họ tên cán bộ (tối đa 200 ký tự).';
  if (form.roles.length === 0) errors.roles = 'Hãy chọn ít nhất một vai trò (quầy làm việc).';
  if (form.where === 'listed' && form.counters.length === 0) errors.counters = 'Hãy chọn ít nhất một quầy, hoặc chọn «Mọi quầy».';
  if (isNew) {
    const weak = passwordProblem(form.password, form.username.trim());
    if (weak) errors.password = `Mật khẩu ${weak}`;
  }
  return errors;
}

/** POST /v1/admin/staff for a new account (its password temporary), PATCH /v1/admin/staff/:username for an edit. */
export function staffBody(form: StaffForm, isNew: boolean): Record<string, unknown> {
  const common = { fullName: form.fullName.trim(), roles: form.roles, counters: form.where === 'all' ? null : form.counters, centerId: form.centerId };
  return isNew ? { username: form.username.trim(), ...common, password: form.password, mustChangePassword: true } : common;
}
