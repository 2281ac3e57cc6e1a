// The desk's search box: the scanner works whatever has focus; typing searches by code, ID number,
// phone, or name (with or without diacritics). One hit opens at once; several are listed. A code,
// ID number or phone with no local match is asked of the server: returned dossiers leave the
// counter after the retention period, and the server's copy opens read-only.
import { useState, type FormEvent } from 'react';
import { acknowledgeScan, useScans, type Scan } from '../../scan';
import { useKiosk } from '../../kiosk/kiosk';
import type { DossierRow } from '../../db';
import { dossierCodeOfScan } from '../../../shared/codes';
import { findDossiers, findDossiersOnServer, isServerCopy, serverLookupKeys } from './find';
import { STATUS_LABELS, formatVietnamDate } from '../../../shared/domain';
import './dossier.css';

export interface DossierSearchProps {
  agencyTable: readonly string[];
  /** A row to show, or undefined when a new search starts: the card of the last one must not stay under it. */
  onOpen(row: DossierRow | undefined): void;
  /** Whether this search takes the scanner's codes (only one mounted search should). */
  scans?: boolean;
}

export function DossierSearch({ agencyTable, onOpen, scans = true }: DossierSearchProps) {
  const { db, credential } = useKiosk();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DossierRow[]>();
  const [message, setMessage] = useState<string>();
  const [searchingServer, setSearchingServer] = useState(false);

  async function run(text: string): Promise<DossierRow[]> {
    // Whatever was open belonged to the last search: an officer must never act on it under new results.
    onOpen(undefined);
    setResults(undefined);
    let rows = await findDossiers(db, text, { agencyTable });
    const keys = rows.length === 0 ? serverLookupKeys(text, agencyTable) : [];
    if (keys.length > 0) {
      setSearchingServer(true);
      const remote = await findDossiersOnServer({ baseUrl: credential.serverUrl, token: credential.token }, keys).finally(() => setSearchingServer(false));
      if (!remote.ok) {
        setResults([]);
        setMessage(remote.message);
        return [];
      }
      rows = remote.rows;
    }
    setResults(rows);
    if (rows.length === 0) {
      const where = keys.length > 0 ? 'trên máy này và trên máy chủ Trung tâm' : 'trên máy này';
      setMessage(`Không tìm thấy hồ sơ nào khớp «${text.trim()}» ${where}. Kiểm tra lại mã, số định danh, số điện thoại hoặc tên.`);
    } else {
      setMessage(undefined);
      if (rows.length === 1) onOpen(rows[0]!);
    }
    return rows;
  }

  useScans(
    (scan: Scan) => {
      const code = dossierCodeOfScan(scan.classification, agencyTable);
      if (!code.ok) {
        onOpen(undefined);
        setResults(undefined);
        setMessage(code.message);
        acknowledgeScan('notADossierCode');
        return;
      }
      setQuery(code.code);
      void run(code.code).then((rows) => acknowledgeScan(rows.length > 0 ? 'accepted' : 'unknownCode'));
    },
    { enabled: scans },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (query.trim() === '') {
      setMessage('Hãy nhập mã hồ sơ, số định danh, số điện thoại hoặc tên người nộp.');
      return;
    }
    void run(query);
  }

  return (
    <div className="dossier-search">
      <form noValidate onSubmit={submit} role="search">
        <label htmlFor="dossier-query">
          <span>Quét giấy hẹn hoặc nhập mã hồ sơ, số định danh, số điện thoại, tên người nộp</span>
          <input
            id="dossier-query"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setMessage(undefined);
            }}
            autoFocus
            autoComplete="off"
            aria-describedby={message ? 'dossier-query-error' : undefined}
          />
        </label>
        <button type="submit" className="primary">
          Tìm <kbd>Enter</kbd>
        </button>
      </form>
      {searchingServer ? (
        <span className="muted" role="status">
          Không có trên máy này; đang tìm trên máy chủ Trung tâm…
        </span>
      ) : null}
      {message ? (
        <span className="field-error" id="dossier-query-error" role="alert">
          {message}
        </span>
      ) : null}
      {results && results.length > 1 ? (
        <ul className="dossier-results" aria-label="Kết quả tìm kiếm" data-testid="search-results">
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" onClick={() => onOpen(r)}>
                <span className="code">{r.code ?? '—'}</span>
                {isServerCopy(r) ? <span className="muted">Trên máy chủ</span> : null}
                <span>{r.state.applicant?.name ?? '—'}</span>
                <span>
                  {STATUS_LABELS[r.status]}
                  {r.state.receivedAt ? ` · ${formatVietnamDate(r.state.receivedAt)}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
