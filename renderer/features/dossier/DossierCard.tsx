// The dossier card every desk screen shows: who, what, where it is, the original deadline and the
// re-set date apart, timeliness, what is due at collection, and the history from the events. A copy
// fetched from the server (find.ts) says so and carries its own history.
import { PersonalData } from '../../security/PersonalData';
import { useEffect, useState, type ReactNode } from 'react';
import { formatVnd } from '../../../shared/codes';
import { describeEvent, formatVietnamDateTime, type DossierEvent } from '../../../shared/domain';
import { useKiosk } from '../../kiosk/kiosk';
import type { DossierRow } from '../../db';
import { cardFacts, serverCopyNotice } from './card';
import { useCenterNames, type CenterNameOf } from '../../kiosk/centerNames';
import { isServerCopy } from './find';
import { loadDossierTrail, stepTakenBy, type DossierTrail } from './history';
import { useNames } from '../../kiosk/names';
import './dossier.css';

export interface DossierCardProps {
  row: DossierRow;
  departmentName?: (id: string) => string | undefined;
  now?: Date;
  /** The screen's actions for this dossier (return, apology, correction …). */
  children?: ReactNode;
}

export function useDossierTrail(row: DossierRow): DossierTrail | undefined {
  const { db, credential } = useKiosk();
  const [trail, setTrail] = useState<DossierTrail>();
  useEffect(() => {
    if (isServerCopy(row)) {
      setTrail({ events: row.serverCopy.events, source: 'server' });
      return;
    }
    let cancelled = false;
    void loadDossierTrail(db, row.id, { baseUrl: credential.serverUrl, token: credential.token }).then((t) => {
      if (!cancelled) setTrail(t);
    });
    return () => {
      cancelled = true;
    };
  }, [db, credential, row, row.id, row.state.version]);
  return trail;
}

function History({ events, departmentName, centerName }: { events: DossierEvent[]; departmentName?: (id: string) => string | undefined; centerName: CenterNameOf }) {
  const names = useNames();
  if (events.length === 0) return <p className="muted">Chưa có sự kiện nào.</p>;
  return (
    <ol className="dossier-history">
      {events.map((e) => (
        <li key={e.id}>
          <time>{formatVietnamDateTime(e.deviceTime)}</time>
          <span>
            {describeEvent(e, { departmentName, centerName })}
            <small className="taken-by" data-testid="taken-by">
              {stepTakenBy(e, names)}
            </small>
          </span>
        </li>
      ))}
    </ol>
  );
}

export function DossierCard({ row, departmentName, now, children }: DossierCardProps) {
  const state = row.state;
  const centerName = useCenterNames(state.route !== undefined);
  const facts = cardFacts(state, now, centerName);
  const trail = useDossierTrail(row);
  const a = state.applicant;
  const register = row.registerNumber !== undefined ? `Số ${String(row.registerNumber).padStart(2, '0')}/${row.registerYear ?? ''}` : 'Chờ đồng bộ';
  return (
    <article className="dossier-card" data-testid="dossier-card" aria-label={`Hồ sơ ${state.code ?? ''}`}>
      <header>
        <h2>{state.code ?? 'Hồ sơ chưa có mã'}</h2>
        <span className={`status status-${state.status}`} data-testid="dossier-status">
          {facts.status}
        </span>
        {facts.timelinessLabel && !facts.earlyResult ? <span className={`timeliness timeliness-${facts.timeliness}`}>{facts.timelinessLabel}</span> : null}
        {facts.earlyResult ? (
          <span className="timeliness timeliness-early" data-testid="early-result">
            Trả trước hạn
          </span>
        ) : null}
      </header>
      {isServerCopy(row) ? (
        <p className="banner warn" role="note" data-testid="server-copy">
          {serverCopyNotice(state)}
        </p>
      ) : null}
      <dl className="facts dossier-facts">
        <dt>Người nộp</dt>
        <dd>
          {a ? a.name : '—'}
          {a?.kind === 'individual' ? (
            <small>
              {' · Số định danh '}
              <PersonalData value={a.idNumber} kind="idNumber" revealable dossierId={state.id} dossierCode={state.code} />
            </small>
          ) : null}
          {a?.kind === 'organisation' ? <small> · Mã số thuế {a.taxCode}</small> : null}
          {a?.phone ? (
            <small>
              {' · ĐT '}
              <PersonalData value={a.phone} kind="phone" revealable dossierId={state.id} dossierCode={state.code} />
            </small>
          ) : null}
        </dd>
        <dt>Thủ tục</dt>
        <dd>{state.procedureName ?? '—'}</dd>
        <dt>Cơ quan giải quyết</dt>
        <dd>{state.departmentId ? (departmentName?.(state.departmentId) ?? state.departmentId) : '—'}</dd>
        <dt>Tiếp nhận lúc</dt>
        <dd>{state.receivedAt ? formatVietnamDateTime(state.receivedAt) : '—'}</dd>
        <dt>Hạn trả theo quy định</dt>
        <dd data-testid="original-due">{facts.originalDue ?? '—'}</dd>
        {facts.newDue ? (
          <>
            <dt>Ngày hẹn lại</dt>
            <dd data-testid="new-due">{facts.newDue}</dd>
          </>
        ) : null}
        <dt>Nhận kết quả</dt>
        <dd>{facts.collection}</dd>
        {facts.route ? (
          <>
            <dt>Phi địa giới</dt>
            <dd data-testid="dossier-route">{facts.route}</dd>
          </>
        ) : null}
        {facts.held ? (
          <>
            <dt>Nơi giữ hồ sơ</dt>
            <dd data-testid="dossier-held">{facts.held}</dd>
          </>
        ) : null}
        {facts.digitisation ? (
          <>
            <dt>Số hóa</dt>
            <dd data-testid="digitisation">{facts.digitisation.replace(/^Số hóa: /, '')}</dd>
          </>
        ) : null}
        <dt>Sổ theo dõi</dt>
        <dd>{register}</dd>
        <dt>Còn phải thu khi trả</dt>
        <dd data-testid="amount-due">{facts.amountDue > 0 ? formatVnd(facts.amountDue) : 'Không'}</dd>
      </dl>
      {children ? <div className="dossier-actions">{children}</div> : null}
      <section className="dossier-trail">
        <h3>Lịch sử xử lý</h3>
        {trail?.warning ? <p className="banner warn">{trail.warning}</p> : null}
        {trail ? <History events={trail.events} departmentName={departmentName} centerName={centerName} /> : <p className="muted">Đang tải lịch sử…</p>}
      </section>
    </article>
  );
}
