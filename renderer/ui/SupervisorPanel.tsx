// A supervisor's panel in Theo dõi over a list the server holds (conflicts, undelivered notices): the
// card and its header with «Tải lại», why the list cannot be asked for (the supervisor signed in
// offline, so has no session on the server), why the last load failed, what the last action did or
// why it failed, the words for an empty list, and the table: its headings here, its rows (each
// ending in the row's action) and any form after it the caller's.
import type { ReactNode } from 'react';
import { PanelHeader } from './PanelHeader';
import './supervisorPanel.css';

export function SupervisorPanel<T>(props: {
  /** The feature's class beside `supervisor-panel`. */
  className: string;
  titleId: string;
  title: string;
  /** What is listed, as the banners name it: «danh sách xung đột». */
  listName: string;
  intro?: ReactNode;
  /** No session on the server: the list cannot be asked for. */
  signedInOffline: boolean;
  /** Said after the offline banner (what this counter knows by itself). */
  offlineNote?: string;
  rows: readonly T[] | undefined;
  loadError?: string;
  onReload(): void;
  failure?: string;
  done?: string;
  empty: string;
  /** The table's headings; a last column, «Thao tác» to screen readers, holds each row's action. */
  columns: readonly string[];
  tableClassName?: string;
  /** The table's rows (`<tr>`), when there are any. */
  children(rows: readonly T[]): ReactNode;
  after?: ReactNode;
}) {
  const { rows } = props;
  return (
    <section className={`supervisor-panel ${props.className} panel`} aria-labelledby={props.titleId}>
      <PanelHeader titleId={props.titleId} title={props.title} onReload={props.signedInOffline ? undefined : props.onReload} />
      {props.intro ? <p className="muted">{props.intro}</p> : null}
      {props.signedInOffline ? (
        <p className="banner warn" role="status">
          Giám sát viên đăng nhập khi mất mạng nên chưa xem được {props.listName} trên máy chủ. Hãy đăng xuất và đăng nhập lại khi có mạng.
          {props.offlineNote ? ` ${props.offlineNote}` : ''}
        </p>
      ) : null}
      {props.loadError ? (
        <p className="banner error" role="alert">
          Chưa tải được {props.listName}: {props.loadError}
        </p>
      ) : null}
      {props.failure ? (
        <p className="banner error" role="alert">
          {props.failure}
        </p>
      ) : null}
      {props.done ? (
        <p className="banner ok" role="status">
          {props.done}
        </p>
      ) : null}
      {rows && rows.length === 0 ? <p className="muted">{props.empty}</p> : null}
      {rows && rows.length > 0 ? (
        <table className={props.tableClassName ? `supervisor-table ${props.tableClassName}` : 'supervisor-table'}>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              <th scope="col" aria-label="Thao tác" />
            </tr>
          </thead>
          <tbody>{props.children(rows)}</tbody>
        </table>
      ) : null}
      {props.after}
    </section>
  );
}
