// The officer sets their own password after an administrator set a temporary one (a new account, a
// reset): at a counter's sign-in and on the browser's administration page. The rules are checked
// here first (shared/auth/passwordRules.ts, the server's own), then by the server.
import { useState, type FormEvent } from 'react';
import { passwordProblem } from '../../shared/auth/passwordRules';
import { FieldError } from './Field';

export function ChangePasswordForm(props: { username: string; onChange(newPassword: string): Promise<void>; onCancel(): void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ password?: string; again?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const weak = passwordProblem(password, props.username);
    const next = { password: weak ? `Mật khẩu mới ${weak}` : undefined, again: !weak && again !== password ? 'Hai lần nhập mật khẩu mới không khớp.' : undefined };
    setErrors(next);
    if (next.password || next.again) return;
    setBusy(true);
    try {
      await props.onChange(password);
    } catch (e) {
      setErrors({ form: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate className="gate" onSubmit={submit} aria-labelledby="change-password-title">
      <h1 id="change-password-title">Đặt mật khẩu mới</h1>
      <p className="hint">
        Mật khẩu của tài khoản {props.username} là mật khẩu tạm do quản trị viên đặt. Hãy đặt mật khẩu của riêng mình (ít nhất 8 ký tự, không chứa tên đăng nhập) trước khi làm việc.
      </p>
      <label className={errors.password ? 'field invalid' : 'field'}>
        Mật khẩu mới
        <input
          id="new-password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
          autoComplete="new-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'new-password-error' : undefined}
        />
        <FieldError id="new-password" error={errors.password} />
      </label>
      <label className={errors.again ? 'field invalid' : 'field'}>
        Nhập lại mật khẩu mới
        <input
          id="new-password-again"
          type="password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          autoComplete="new-password"
          aria-invalid={errors.again ? true : undefined}
          aria-describedby={errors.again ? 'new-password-again-error' : undefined}
        />
        <FieldError id="new-password-again" error={errors.again} />
      </label>
      {errors.form && (
        <p role="alert" className="banner error">
          {errors.form}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Đang lưu…' : 'Lưu mật khẩu mới'}
      </button>
      <button type="button" className="link" onClick={props.onCancel}>
        Quay lại đăng nhập
      </button>
    </form>
  );
}
