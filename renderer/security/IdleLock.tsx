// The idle lock: after the Center's idle time without input the shell is covered and made inert;
// the screen underneath stays mounted, so nothing being typed is lost. The same officer unlocks
// with their password (offline too, through signIn); another officer signs the first one out.
import { liveQuery } from 'dexie';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useKiosk } from '../kiosk/kiosk';
import { signIn } from './SignInScreen';
import { TextField } from '../ui/Field';
import { useBusy } from '../ui/useBusy';
import { useScans } from '../scan';
import { DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_SETTING_ID, idleLockMinutes, shouldLock } from './idle';
import './security.css';

const LOCK_KEY = 'motcua.locked';
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

function formatMinutes(minutes: number): string {
  return minutes >= 1 ? `${Number(minutes.toFixed(1)).toLocaleString('vi-VN')} phút` : `${Math.round(minutes * 60)} giây`;
}

/** The lock state for the signed-in officer; a reload while locked stays locked. */
export function useIdleLock(): { locked: boolean; minutes: number; lock(): void; unlock(): void } {
  const { db, officer } = useKiosk();
  const [minutes, setMinutes] = useState(DEFAULT_IDLE_LOCK_MINUTES);
  const [locked, setLocked] = useState(() => sessionStorage.getItem(LOCK_KEY) === officer.id);
  const lastInput = useRef(Date.now());

  useEffect(() => {
    const subscription = liveQuery(() => db.catalogue.get(IDLE_LOCK_SETTING_ID)).subscribe({
      next: (row) => setMinutes(idleLockMinutes(row)),
      error: () => setMinutes(DEFAULT_IDLE_LOCK_MINUTES),
    });
    return () => subscription.unsubscribe();
  }, [db]);

  const lock = useCallback(() => {
    sessionStorage.setItem(LOCK_KEY, officer.id);
    setLocked(true);
  }, [officer.id]);
  const unlock = useCallback(() => {
    sessionStorage.removeItem(LOCK_KEY);
    lastInput.current = Date.now();
    setLocked(false);
  }, []);

  useEffect(() => {
    if (locked) return;
    const touch = () => (lastInput.current = Date.now());
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, touch, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (shouldLock(lastInput.current, Date.now(), minutes)) lock();
    }, 500);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, touch, { capture: true });
    };
  }, [locked, minutes, lock]);

  return { locked, minutes, lock, unlock };
}

export function LockScreen({ minutes, onUnlocked }: { minutes: number; onUnlocked(): void }) {
  const { credential, officer, signOut } = useKiosk();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const { busy, run } = useBusy();
  // Scans while locked go nowhere: the screen underneath must not act for an absent officer.
  useScans(() => setError('Màn hình đang khoá. Nhập mật khẩu để mở khoá rồi quét lại.'));

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!password) return setError('Hãy nhập mật khẩu để mở khoá.');
    void run(
      async () => {
        const who = await signIn(credential, officer.username, password);
        if (who.officer.id !== officer.id) throw new Error('Tài khoản không khớp với cán bộ đang làm việc tại quầy.');
        if (who.mustChangePassword) throw new Error('Quản trị viên vừa đặt lại mật khẩu của tài khoản này. Chọn «Cán bộ khác» rồi đăng nhập lại để đặt mật khẩu mới.');
        onUnlocked();
      },
      (message) => {
        setError(message);
        setPassword('');
      },
    );
  }

  function otherOfficer() {
    sessionStorage.removeItem(LOCK_KEY);
    signOut();
  }

  return (
    <div className="lock-overlay" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="idle-lock">
      <form noValidate className="gate lock-card" onSubmit={submit}>
        <h1 id="lock-title">Màn hình đã khoá – {credential.counterName}</h1>
        <p className="lock-who">
          Cán bộ đang làm việc: <strong>{officer.fullName}</strong> ({officer.username})
        </p>
        <p className="hint">Khoá sau {formatMinutes(minutes)} không thao tác. Công việc đang dở vẫn được giữ nguyên.</p>
        <TextField id="lock-password" label="Mật khẩu" type="password" value={password} onValue={setPassword} error={error} autoFocus autoComplete="current-password" />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Đang kiểm tra…' : 'Mở khoá'} <kbd>Enter</kbd>
        </button>
        <button type="button" className="link lock-switch" onClick={otherOfficer}>
          Cán bộ khác đăng nhập (đăng xuất {officer.fullName})
        </button>
      </form>
    </div>
  );
}
