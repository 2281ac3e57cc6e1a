// What every list page of the section does: read a list from the server (again after a change),
// say in Vietnamese when it could not, and show the outcome of the last change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminApi } from './adminApi';

export function useAdminList<T>(api: AdminApi, path: string, what: string, pick: (answer: never) => T) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  // `pick` is a field access written inline: kept by reference, so it never makes the list load again.
  const picked = useRef(pick);
  picked.current = pick;
  const load = useCallback(async () => {
    try {
      setData(picked.current((await api.get(path)) as never));
    } catch (e) {
      setError(`Không tải được ${what}: ${(e as Error).message}`);
    }
  }, [api, path, what]);
  useEffect(() => void load(), [load]);
  return { data, load, error, setError, notice, setNotice };
}

/** The last error and the last change's outcome, above a page's content. */
export function PageMessages({ error, notice }: { error?: string; notice?: string }) {
  return (
    <>
      {error && (
        <p role="alert" className="banner error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="banner ok">
          {notice}
        </p>
      )}
    </>
  );
}

/** A form's submit and Huỷ. */
export function FormButtons({ busy, label, onCancel }: { busy: boolean; label: string; onCancel?(): void }) {
  return (
    <div className="admin-actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Đang lưu…' : label}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Huỷ
        </button>
      )}
    </div>
  );
}
