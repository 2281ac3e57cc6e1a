// The officer sets their own password after an administrator set a temporary one (a new account, a
// reset): at a counter's sign-in and on the browser's administration page. The rules are checked
// here first (shared/auth/passwordRules.ts, the server's own), then by the server.
import { useState } from 'react';
import { passwordProblem } from '../../shared/auth/passwordRules';
import { TextField } from './Field';
import { GateForm } from './GateForm';
import { useBusy } from './useBusy';

export function ChangePasswordForm(props: { username: string; onChange(newPassword: string): Promise<void>; onCancel(): void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ password?: string; again?: string; form?: string }>({});
  const { busy, run } = useBusy();

  function submit() {
    const weak = passwordProblem(password, props.username);
    const next = { password: weak ? `Mật khẩu mới ${weak}` : undefined, again: !weak && again !== password ? 'Hai lần nhập mật khẩu mới không khớp.' : undefined };
    setErrors(next);
    if (next.password || next.again) return;
    void run(
      () => props.onChange(password),
      (message) => setErrors({ form: message }),
    );
  }

  return (
    <GateForm
      titleId="change-password-title"
      title="Đặt mật khẩu mới"
      hint={`Mật khẩu của tài khoản ${props.username} là mật khẩu tạm do quản trị viên đặt. Hãy đặt mật khẩu của riêng mình (ít nhất 8 ký tự, không chứa tên đăng nhập) trước khi làm việc.`}
      error={errors.form}
      busy={busy}
      submitLabel="Lưu mật khẩu mới"
      busyLabel="Đang lưu…"
      onSubmit={submit}
      after={
        <button type="button" className="link" onClick={props.onCancel}>
          Quay lại đăng nhập
        </button>
      }
    >
      <TextField id="new-password" label="Mật khẩu mới" type="password" value={password} onValue={setPassword} error={errors.password} autoFocus autoComplete="new-password" />
      <TextField id="new-password-again" label="Nhập lại mật khẩu mới" type="password" value={again} onValue={setAgain} error={errors.again} autoComplete="new-password" />
    </GateForm>
  );
}
