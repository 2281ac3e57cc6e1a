// The queue at the receiving and return desks: who is being served here, how many wait for this
// counter, and the keys to call the next number (Alt+Q), call again (Alt+L), skip, finish and
// transfer. When the queue's machine is away the panel says so and the desk below works as ever.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { useShortcut } from '../../ui/useShortcut';
import { dossiersServedSince, queueCalls, type Answer, type CounterView } from '../../kiosk/queue';
import './queue.css';

const POLL_MS = 3000;

export function QueuePanel() {
  const { host, settings, credential, officer, db } = useKiosk();
  // The boot-time copy goes stale when Cài đặt saves the queue; the machine's copy is read on opening.
  const [queue, setQueue] = useState(settings.queue);
  useEffect(() => {
    host.settings.get().then(
      (s) => setQueue(s.queue),
      () => undefined,
    );
  }, [host]);
  const counter = credential.counterIndex;
  const calls = useMemo(() => queueCalls(host, counter), [host, counter]);
  const me = useMemo(() => ({ id: officer.id, name: officer.fullName }), [officer]);
  const [view, setView] = useState<CounterView>();
  const [problem, setProblem] = useState<{ message: string; unreachable: boolean }>();
  const [note, setNote] = useState<string>();
  const [transferTo, setTransferTo] = useState('');
  const [busy, setBusy] = useState(false);
  // When this counter called the citizen now served, by its own clock: the dossiers recorded since are theirs.
  const calledHere = useRef<{ number: number; at: string }>(undefined);
  const lines = useMemo(() => queue?.lines ?? [], [queue]);

  const refresh = useCallback(async () => {
    if (!queue) return;
    const answer = await calls.view(lines);
    if (answer.ok) {
      setView(answer.value);
      setProblem((p) => (p?.unreachable ? undefined : p));
    } else setProblem(answer);
  }, [calls, lines, queue]);

  useEffect(() => {
    if (!queue) return;
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [queue, refresh]);

  async function act<T>(work: () => Promise<Answer<T>>, done: (value: T) => string) {
    if (busy) return;
    setBusy(true);
    setNote(undefined);
    const answer = await work();
    setBusy(false);
    if (answer.ok) {
      setProblem(undefined);
      setNote(done(answer.value));
    } else setProblem(answer);
    await refresh();
  }

  const current = view?.current;
  const callNext = () =>
    act(
      () => calls.callNext(lines, me),
      (t) => {
        calledHere.current = { number: t.number, at: new Date().toISOString() };
        return `Đã gọi số ${t.number} (${t.lineName}).`;
      },
    );
  const callAgain = () =>
    act(
      () => calls.callAgain(me),
      (t) => `Đã gọi lại số ${t.number}.`,
    );
  useShortcut('Alt+Q', () => void callNext(), { enabled: Boolean(queue) && !current });
  useShortcut('Alt+L', () => void callAgain(), { enabled: Boolean(queue) && Boolean(current) });

  if (!queue) return null;

  async function serve() {
    if (!current) return;
    const since = calledHere.current?.number === current.number ? calledHere.current.at : (current.calledAt ?? current.issuedAt);
    const dossiers = await dossiersServedSince(db, credential.counterId, since);
    await act(
      () => calls.serve(me, dossiers),
      (t) => `Đã phục vụ xong số ${t.number}${dossiers.length ? ` (hồ sơ ${dossiers.join(', ')})` : ''}. Mời công dân đánh giá trên màn hình đánh giá.`,
    );
  }

  function transfer(e: FormEvent) {
    e.preventDefault();
    const to = Number(transferTo);
    if (!/^\d{1,2}$/.test(transferTo.trim()) || to < 1 || to === counter) {
      setProblem({ unreachable: false, message: `Nhập số quầy nhận chuyển (1–99, khác quầy ${counter}).` });
      return;
    }
    void act(
      () => calls.transfer(to),
      (t) => `Đã chuyển số ${t.number} sang quầy ${to}; quầy ${to} sẽ gọi số này trước.`,
    ).then(() => setTransferTo(''));
  }

  return (
    <section className="queue-panel" aria-label="Hàng chờ" data-testid="queue-panel">
      <div className="queue-now">
        <span className="queue-label">Quầy {counter} · hàng chờ</span>
        {current ? (
          <span className="queue-current" data-testid="queue-current">
            Đang phục vụ số <b>{current.number}</b> <span className="muted">{current.lineName}</span>
          </span>
        ) : (
          <span className="muted">Chưa gọi số nào</span>
        )}
        {view ? (
          <span className="queue-waiting" data-testid="queue-waiting">
            {view.waiting} người đang chờ
          </span>
        ) : null}
        {view ? (
          <span className="queue-pairing" title="Nhập mã này trên màn hình đánh giá hướng về công dân (trang /danh-gia của máy hàng chờ)">
            Mã ghép màn hình đánh giá: <b data-testid="queue-pairing">{view.pairingCode}</b>
          </span>
        ) : null}
      </div>
      <div className="queue-actions">
        <button type="button" className="primary" disabled={busy || Boolean(current)} onClick={() => void callNext()}>
          Gọi số tiếp <kbd>Alt+Q</kbd>
        </button>
        <button type="button" className="secondary" disabled={busy || !current} onClick={() => void callAgain()}>
          Gọi lại <kbd>Alt+L</kbd>
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || !current}
          onClick={() =>
            void act(
              () => calls.skip(),
              (t) => `Đã bỏ qua số ${t.number} (công dân không có mặt).`,
            )
          }
        >
          Bỏ qua
        </button>
        <button type="button" className="secondary" disabled={busy || !current} onClick={() => void serve()}>
          Xong
        </button>
        <form className="queue-transfer" onSubmit={transfer} noValidate>
          <label htmlFor="queue-transfer-to">Chuyển sang quầy</label>
          <input id="queue-transfer-to" inputMode="numeric" value={transferTo} onChange={(e) => setTransferTo(e.target.value)} disabled={!current} size={3} />
          <button type="submit" className="secondary" disabled={busy || !current}>
            Chuyển
          </button>
        </form>
      </div>
      {problem ? (
        <p className={`banner ${problem.unreachable ? 'warning' : 'error'}`} role="alert" data-testid="queue-problem">
          {problem.message}
        </p>
      ) : note ? (
        <p className="queue-note" role="status">
          {note}
        </p>
      ) : null}
    </section>
  );
}
