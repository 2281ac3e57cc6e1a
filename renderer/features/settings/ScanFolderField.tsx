// The folder the office scanner saves into (digitising at reception). The machine checks the folder
// exists before saving, and watches the new folder at once; only an administrator changes it.
import { useEffect, useState, type FormEvent } from 'react';
import type { KioskSettings } from '../../../shared/host';
import { SettingsNotice } from './SettingsNotice';

export function ScanFolderField(props: { settings: KioskSettings; canEdit: boolean; save(patch: Partial<KioskSettings>): Promise<string | undefined> }) {
  const [path, setPath] = useState(props.settings.scanFolderPath ?? '');
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  // The screen reads the machine's settings after it opens; show the saved folder once they arrive.
  const saved = props.settings.scanFolderPath ?? '';
  useEffect(() => setPath(saved), [saved]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const wanted = path.trim();
    const problem = await props.save({ scanFolderPath: wanted });
    if (problem) return setNotice({ ok: false, text: problem });
    setNotice({ ok: true, text: wanted ? `Đã lưu. Tệp máy quét lưu vào ${wanted} sẽ hiện ở phần số hóa hồ sơ.` : 'Đã bỏ thư mục máy quét: quầy chỉ số hóa bằng máy ảnh hoặc tệp chọn tay.' });
  }

  return (
    <form onSubmit={submit} className="scan-folder-form" noValidate aria-label="Thư mục máy quét tài liệu">
      <label className={notice && !notice.ok ? 'field invalid' : 'field'} htmlFor="scan-folder-path">
        <span>Thư mục máy quét tài liệu (số hóa hồ sơ)</span>
        <input
          id="scan-folder-path"
          value={path}
          disabled={!props.canEdit}
          placeholder="Ví dụ: D:\MayQuet"
          onChange={(e) => setPath(e.target.value)}
          aria-invalid={notice && !notice.ok ? true : undefined}
          aria-describedby={notice ? 'scan-folder-notice' : 'scan-folder-hint'}
        />
        {!notice && (
          <small id="scan-folder-hint" className="field-hint">
            Thư mục trên máy này mà máy quét văn phòng lưu tệp PDF hoặc ảnh vào. Để trống nếu quầy không dùng máy quét.
          </small>
        )}
      </label>
      <SettingsNotice notice={notice} id="scan-folder-notice" />
      {props.canEdit && (
        <div className="actions">
          <button type="submit" className="primary">
            Lưu thư mục <kbd>Enter</kbd>
          </button>
        </div>
      )}
    </form>
  );
}
