// Theo dõi, for supervisors: facts the server stored but flagged (the same dossier returned at two
// desks while offline, a number used twice). Listed from the server with the supervisor's session;
// resolving one records who decided what, and every counter sees the dossier's conflict cleared.
import { useCallback, useMemo, useState } from 'react';
import type { ConflictRecord } from '../../../shared/sync/protocol';
import { useNames } from '../../kiosk/names';
import { useKiosk } from '../../kiosk/kiosk';
import { useSyncStatus } from '../../kiosk/syncStatus';
import { PanelHeader } from '../../ui/PanelHeader';
import { usePolled } from '../../ui/usePolled';
import { conflictView, listOpenConflicts, resolveConflict, type ConflictView } from './conflicts';
import { ResolveForm } from './ResolveForm';
import { SetAsideEvents } from './SetAsideEvents';
import '../../ui/supervisorPanel.css';
import './conflicts.css';

const REFRESH_MS = 30_000;

/** Mounted in Theo dõi; shows nothing to officers who are not supervisors. */
export function SupervisorConflicts() {
  const { officer } = useKiosk();
  return officer.roles.includes('supervisor') ? (
    <>
      <SetAsideEvents />
      <ConflictsPanel />
    </>
  ) : null;
}

export function ConflictsPanel() {
  const { credential, officer, sync } = useKiosk();
  const status = useSyncStatus();
  const token = officer.sessionToken;
  const names = useNames();
  const list = useCallback(() => listOpenConflicts(credential.serverUrl, token!), [credential.serverUrl, token]);
  const { value: records, error: loadError, reload: load, setValue: setRecords } = usePolled<ConflictRecord[]>(token ? list : undefined, REFRESH_MS);
  // Named when shown, so names synced after the list was loaded still replace the ids.
  const rows = useMemo(() => records?.map((r) => conflictView(r, names)), [records, names]);
  const [selected, setSelected] = useState<ConflictView>();
  const [busy, setBusy] = useState(false);
  const [resolveError, setResolveError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const resolve = async (note: string) => {
    if (!token || !selected) return;
    setBusy(true);
    setResolveError(undefined);
    try {
      await resolveConflict(credential.serverUrl, token, selected.eventId, note);
      setRecords((current) => current?.filter((c) => c.eventId !== selected.eventId));
      setNotice(`Đã xử lý xung đột của hồ sơ ${selected.dossierCode}.`);
      setSelected(undefined);
      sync.kick();
      await load();
    } catch (error) {
      setResolveError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="supervisor-panel conflicts panel" aria-labelledby="conflicts-title">
      <PanelHeader titleId="conflicts-title" title="Xung đột chờ xử lý" onReload={token ? () => void load() : undefined} />
      {!token ? (
        <p className="banner warn" role="status">
          Giám sát viên đăng nhập khi mất mạng nên chưa xem được danh sách xung đột trên máy chủ. Hãy đăng xuất và đăng nhập lại khi có mạng.
          {status.openConflicts > 0 ? ` Quầy này đang có ${status.openConflicts} hồ sơ có xung đột.` : ''}
        </p>
      ) : null}
      {loadError ? (
        <p className="banner error" role="alert">
          Chưa tải được danh sách xung đột: {loadError}
        </p>
      ) : null}
      {notice ? (
        <p className="banner ok" role="status">
          {notice}
        </p>
      ) : null}
      {rows && rows.length === 0 ? <p className="muted">Không có xung đột nào chờ xử lý.</p> : null}
      {rows && rows.length > 0 ? (
        <table className="supervisor-table conflict-table">
          <thead>
            <tr>
              <th scope="col">Mã hồ sơ</th>
              <th scope="col">Nội dung xung đột</th>
              <th scope="col">Quầy</th>
              <th scope="col">Cán bộ</th>
              <th scope="col">Thời điểm</th>
              <th scope="col" aria-label="Thao tác" />
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.eventId} className={selected?.eventId === c.eventId ? 'selected' : undefined}>
                <td className="code">{c.dossierCode}</td>
                <td>
                  <strong>{c.action}</strong>
                  <br />
                  {c.message}
                </td>
                <td className="nowrap">{c.counter}</td>
                <td>{c.officer}</td>
                <td>{c.at}</td>
                <td className="nowrap">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setSelected(c);
                      setResolveError(undefined);
                      setNotice(undefined);
                    }}
                  >
                    Xử lý
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {selected ? (
        <ResolveForm key={selected.eventId} conflict={selected} busy={busy} serverError={resolveError} onResolve={(note) => void resolve(note)} onCancel={() => setSelected(undefined)} />
      ) : null}
    </section>
  );
}
