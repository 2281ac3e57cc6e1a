// The return desk's one setting on this counter: print the Phiếu xác nhận trả kết quả at each
// return (off by default). Saved in the counter's database, read at each return.
import { useEffect, useState } from 'react';
import { useKiosk } from '../../kiosk/kiosk';
import { loadReturnDeskConfig, saveReturnDeskConfig, type ReturnDeskConfig } from '../../desk/returnDeskConfig';

export function ReturnDeskPanel({ canEdit }: { canEdit: boolean }) {
  const { db } = useKiosk();
  const [config, setConfig] = useState<ReturnDeskConfig>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    loadReturnDeskConfig(db).then(setConfig, (e: Error) => setNotice({ ok: false, text: `Không đọc được cài đặt trả kết quả: ${e.message}` }));
  }, [db]);

  async function toggle(printConfirmation: boolean) {
    setNotice(undefined);
    try {
      setConfig(await saveReturnDeskConfig(db, { printConfirmation }));
      setNotice({ ok: true, text: printConfirmation ? 'Đã bật: mỗi lần trả kết quả sẽ in phiếu xác nhận.' : 'Đã tắt: trả kết quả không in phiếu xác nhận.' });
    } catch (e) {
      setNotice({ ok: false, text: `Không lưu được cài đặt: ${(e as Error).message}. Cài đặt cũ vẫn giữ nguyên.` });
    }
  }

  return (
    <section className="settings-panel" aria-labelledby="return-desk-title">
      <h2 id="return-desk-title">Trả kết quả</h2>
      <label className="check">
        <input type="checkbox" checked={config?.printConfirmation ?? false} disabled={!canEdit || !config} onChange={(e) => void toggle(e.target.checked)} />
        In phiếu xác nhận khi trả kết quả
      </label>
      <p className="hint">Phiếu ghi người nhận, giấy ủy quyền hoặc số hiệu bưu gửi, có chỗ ký của người nhận và cán bộ trả kết quả; in ra máy in phiếu của quầy.</p>
      {notice ? (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'banner ok' : 'banner error'}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
