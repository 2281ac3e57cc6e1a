// The desk's search box: the scanner works whatever has focus; typing searches by code or part of
// it, ID number, phone, name (any word, with or without diacritics) or a procedure's short form.
// One hit opens at once; several are listed with their procedure. A code,
// ID number or phone with no local match is asked of the server: returned dossiers leave the
// counter after the retention period, and the server's copy opens read-only.
import { useEffect, useState, type FormEvent } from 'react';
import { acknowledgeScan, useScans, type Scan } from '../../scan';
import { useKiosk } from '../../kiosk/kiosk';
import type { DossierRow } from '../../db';
import { dossierCodeOfScan } from '../../../shared/codes';
import type { ProcedureIndex } from '../../../shared/catalogue';
import { findDossiers, findDossiersOnServer, SEARCH_LIMIT, serverLookupKeys } from './find';
import { DossierList } from './DossierList';
import './dossier.css';

export interface DossierSearchProps {
  agencyTable: readonly string[];
  /** A row to show, or undefined when a new search starts: the card of the last one must not stay under it. */
  onOpen(row: DossierRow | undefined): void;
  /** Whether this search takes the scanner's codes (only one mounted search should). */
  scans?: boolean;
  /** Told whether several matches are listed to pick from (a screen may hide its own list meanwhile). */
  onListed?(listed: boolean): void;
  /** The catalogue's procedure index: a short form ('GPLX', 'sổ đỏ', 'ĐKKD') finds its procedures' dossiers. */
  procedures?: ProcedureIndex;
}

export function DossierSearch({ agencyTable, onOpen, onListed, scans = true, procedures }: DossierSearchProps) {
  const { db, credential } = useKiosk();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DossierRow[]>();
  const [message, setMessage] = useState<string>();
  const [searchingServer, setSearchingServer] = useState(false);
  const listed = results !== undefined && results.length > 1;
  useEffect(() => onListed?.(listed), [onListed, listed]);

  async function run(text: string): Promise<DossierRow[]> {
    // Whatever was open belonged to the last search: an officer must never act on it under new results.
    onOpen(undefined);
    setResults(undefined);
    let rows = await findDossiers(db, text, { agencyTable, procedures });
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
          <span>Quét giấy hẹn hoặc nhập mã hồ sơ (hoặc một phần), số định danh, số điện thoại, tên người nộp, tên tắt thủ tục (GPLX, sổ đỏ…)</span>
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
        <>
          <span className="muted" role="status">
            {results.length >= SEARCH_LIMIT ? `Có từ ${SEARCH_LIMIT} hồ sơ trở lên khớp; hãy gõ thêm để thu hẹp.` : `${results.length} hồ sơ khớp; chọn một hồ sơ.`}
          </span>
          <DossierList rows={results} label="Kết quả tìm kiếm" testId="search-results" onOpen={onOpen} />
        </>
      ) : null}
    </div>
  );
}
