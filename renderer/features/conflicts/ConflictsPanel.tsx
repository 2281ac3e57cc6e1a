// Theo dõi, for supervisors: facts the server stored but flagged (the same dossier returned at two
// desks while offline, a number used twice). Listed from the server with the supervisor's session;
// resolving one records who decided what, and every counter sees the dossier's conflict cleared.
import { useCallback, useMemo, useState } from 'react';
import type { ConflictRecord } from '../../../shared/sync/protocol';
import { useNames } from '../../kiosk/names';
import { useKiosk } from '../../kiosk/kiosk';
import { useSyncStatus } from '../../kiosk/syncStatus';
import { SupervisorPanel } from '../../ui/SupervisorPanel';
import { useBusy } from '../../ui/useBusy';
import { usePolled } from '../../ui/usePolled';
import { conflictView, listOpenConflicts, resolveConflict, type ConflictView } from './conflicts';
import { ResolveForm } from './ResolveForm';
import { SetAsideEvents } from './SetAsideEvents';
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
  const { busy, run } = useBusy();
  const [resolveError, setResolveError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const resolve = async (note: string) => {
    if (!token || !selected) return;
    setResolveError(undefined);
    await run(async () => {
      await resolveConflict(credential.serverUrl, token, selected.eventId, note);
      setRecords((current) => current?.filter((c) => c.eventId !== selected.eventId));
      setNotice(`Đã xử lý xung đột của hồ sơ ${selected.dossierCode}.`);
      setSelected(undefined);
      sync.kick();
      await load();
    }, setResolveError);
  };

  return (
    <SupervisorPanel
      className="conflicts"
      titleId="conflicts-title"
      title="Xung đột chờ xử lý"
      listName="danh sách xung đột"
      signedInOffline={!token}
      offlineNote={status.openConflicts > 0 ? `Quầy này đang có ${status.openConflicts} hồ sơ có xung đột.` : undefined}
      rows={rows}
      loadError={loadError}
      onReload={() => void load()}
      done={notice}
      columns={['Mã hồ sơ', 'Nội dung xung đột', 'Quầy', 'Cán bộ', 'Thời điểm']}
      tableClassName="conflict-table"
      empty="Không có xung đột nào chờ xử lý."
      after={
        selected ? (
          <ResolveForm key={selected.eventId} conflict={selected} busy={busy === true} serverError={resolveError} onResolve={(note) => void resolve(note)} onCancel={() => setSelected(undefined)} />
        ) : null
      }
    >
      {(rows) =>
        rows.map((c) => (
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
        ))
      }
    </SupervisorPanel>
  );
}
