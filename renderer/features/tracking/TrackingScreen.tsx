// Theo dõi: the board of dossiers to chase (overdue, due today, due next working day, awaiting
// supplement, results not yet announced, results not collected) with the apology and notice
// actions, and the reports for a period.
import { useCallback, useEffect, useState } from 'react';
import { canApply, mayIssueApology } from '../../../shared/domain';
import { useKiosk } from '../../kiosk/kiosk';
import { DossierCard } from '../dossier/DossierCard';
import { useAltShortcut } from '../../ui/useShortcut';
import { ControlSheetButton } from '../dossier/ControlSheetButton';
import { Outcome, type ActionReport } from '../../desk/Outcome';
import { useDesk } from '../../desk/useDesk';
import { useOpenDossier } from '../dossier/useOpenDossier';
import { ApologyForm } from './ApologyForm';
import { DEFAULT_NOT_COLLECTED_DAYS, loadTrackingBoard, type TrackingBoard } from './board';
import { BoardView } from './BoardView';
import { canNotify } from './notify';
import { NoticeForm } from './NoticeForm';
import { ReportsView } from './ReportsView';
import './tracking.css';

export function TrackingScreen() {
  const { db } = useKiosk();
  const { setup, ctx, server } = useDesk();
  const { row, open, reload } = useOpenDossier();
  const [tab, setTab] = useState<'board' | 'reports'>('board');
  const [days, setDays] = useState(DEFAULT_NOT_COLLECTED_DAYS);
  const [board, setBoard] = useState<TrackingBoard>();
  const [apologyOpen, setApologyOpen] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);
  // The board's "Báo người nộp" opens the card with the form; choosing another row closes it.
  const [noticeFor, setNoticeFor] = useState<string>();
  const [report, setReport] = useState<ActionReport>();

  const refresh = useCallback(async () => {
    if (!setup) return;
    setBoard(await loadTrackingBoard(db, { now: new Date(), calendar: setup.catalogue.calendar, notCollectedDays: days }));
  }, [db, setup, days]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    setApologyOpen(false);
    setNoticeOpen(row !== undefined && row.id === noticeFor);
  }, [row?.id, noticeFor]);
  useAltShortcut('b', () => setTab('board'));
  useAltShortcut('r', () => setTab('reports'));
  useAltShortcut('x', () => setApologyOpen(true), tab === 'board' && row !== undefined && mayIssueApology(row.state));
  useAltShortcut('n', () => setNoticeOpen(true), tab === 'board' && row !== undefined && canNotify(row.state));

  if (!setup || !ctx) return <p className="muted">Đang tải danh mục…</p>;
  return (
    <div className="tracking">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'board'} className={tab === 'board' ? 'active' : ''} onClick={() => setTab('board')}>
          Bảng theo dõi <kbd>Alt+B</kbd>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'reports'} className={tab === 'reports' ? 'active' : ''} onClick={() => setTab('reports')}>
          Báo cáo, sổ theo dõi <kbd>Alt+R</kbd>
        </button>
      </div>
      {tab === 'reports' ? (
        <ReportsView ctx={ctx} />
      ) : (
        <>
          <div className="row board-tools">
            <label className="field inline" htmlFor="not-collected-days">
              <span>Kết quả chưa nhận từ (ngày)</span>
              <input id="not-collected-days" type="number" min={1} max={365} value={days} onChange={(e) => setDays(Math.max(1, Number(e.target.value) || 1))} />
            </label>
            <button type="button" className="secondary" onClick={() => void refresh()}>
              Làm mới
            </button>
          </div>
          <Outcome report={report} />
          {row ? (
            <DossierCard row={row} departmentName={setup.departmentName}>
              {mayIssueApology(row.state) ? (
                <button type="button" className="primary" onClick={() => setApologyOpen(true)}>
                  Xin lỗi, hẹn lại ngày trả <kbd>Alt+X</kbd>
                </button>
              ) : canApply(row.state, 'apologyIssued') ? (
                <span className="muted" data-testid="apology-done">
                  Đã xin lỗi và hẹn lại một lần; theo quy định mỗi hồ sơ chỉ xin lỗi một lần.
                </span>
              ) : null}
              {canNotify(row.state) ? (
                <button type="button" className="primary" onClick={() => setNoticeOpen(true)}>
                  Báo người nộp đến nhận <kbd>Alt+N</kbd>
                </button>
              ) : null}
              <ControlSheetButton ctx={ctx} server={server} row={row} shortcut="k" />
              <button type="button" className="secondary" onClick={() => open(undefined)}>
                Đóng hồ sơ
              </button>
              {noticeOpen ? (
                <NoticeForm
                  key={row.id}
                  ctx={ctx}
                  dossierId={row.id}
                  state={row.state}
                  onCancel={() => {
                    setNoticeOpen(false);
                    setNoticeFor(undefined);
                  }}
                  onDone={(r) => {
                    setReport(r);
                    setNoticeOpen(false);
                    setNoticeFor(undefined);
                    void reload();
                    void refresh();
                  }}
                />
              ) : null}
              {apologyOpen ? (
                <ApologyForm
                  ctx={ctx}
                  server={server}
                  dossierId={row.id}
                  state={row.state}
                  onCancel={() => setApologyOpen(false)}
                  onDone={(r) => {
                    setReport(r);
                    setApologyOpen(false);
                    void reload();
                    void refresh();
                  }}
                />
              ) : null}
            </DossierCard>
          ) : null}
          {board ? (
            <BoardView
              board={board}
              departmentName={setup.departmentName}
              openId={row?.id}
              onOpen={(r) => {
                setReport(undefined);
                setNoticeFor(undefined);
                open(r);
              }}
              onNotify={(r) => {
                setReport(undefined);
                setNoticeFor(r.id);
                open(r);
              }}
            />
          ) : (
            <p className="muted">Đang tải bảng theo dõi…</p>
          )}
        </>
      )}
    </div>
  );
}
