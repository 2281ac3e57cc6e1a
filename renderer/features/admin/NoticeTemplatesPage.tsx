// Mẫu thông báo: the texts of the notices the server sends the applicant (e-mail subject and body,
// SMS), one form per kind of status change. The server checks a text when it is saved (unknown
// placeholder, SMS too long for two messages) and its refusal is shown at the field it names;
// "Về mặc định" deletes the Center's text. Both are audited by the server with before and after.
import { useState, type FormEvent } from 'react';
import { NOTICE_KIND_LABELS, NOTICE_PLACEHOLDER_LABELS, NOTICE_PLACEHOLDERS, type NoticeKind, type NoticeTemplate } from '../../../shared/notices/notices';
import { FieldError, TextField } from '../../ui/Field';
import { ServerError, type AdminApi } from './adminApi';
import type { AdminPageProps } from './page';
import { FormButtons, PageMessages, useAdminList } from './useAdminList';

interface StoredTemplate extends NoticeTemplate {
  kind: NoticeKind;
  edited: boolean;
}

type TemplateField = keyof NoticeTemplate;

export function NoticeTemplatesPage({ api }: AdminPageProps) {
  const { data: templates, error } = useAdminList(api, '/v1/admin/notice-templates', 'mẫu thông báo', (a: { templates: StoredTemplate[] }) => a.templates);
  if (error) return <PageMessages error={error} />;
  if (!templates) return <p className="hint">Đang tải mẫu thông báo…</p>;
  return (
    <>
      <section className="admin-editor" aria-label="Các ô được dùng">
        <h3>Các ô được dùng trong mẫu</h3>
        <p className="hint">Viết ô trong ngoặc nhọn, đúng chữ hoa chữ thường; máy chủ điền khi gửi. Không có ô nào cho họ tên, số định danh hay số điện thoại của người nộp.</p>
        <ul className="notice-placeholders">
          {NOTICE_PLACEHOLDERS.map((p) => (
            <li key={p}>
              <code>{`{${p}}`}</code> {NOTICE_PLACEHOLDER_LABELS[p]}
            </li>
          ))}
        </ul>
      </section>
      {templates.map((t) => (
        <TemplateForm key={t.kind} api={api} initial={t} />
      ))}
    </>
  );
}

function TemplateForm({ api, initial }: { api: AdminApi; initial: StoredTemplate }) {
  const [stored, setStored] = useState(initial);
  const [texts, setTexts] = useState<NoticeTemplate>({ subject: initial.subject, body: initial.body, sms: initial.sms });
  const [fieldError, setFieldError] = useState<{ field: TemplateField; message: string }>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const id = `notice-${initial.kind}`;
  const label = NOTICE_KIND_LABELS[initial.kind];

  async function change(run: () => Promise<StoredTemplate>, done: string) {
    setBusy(true);
    setMessage(undefined);
    setFieldError(undefined);
    try {
      const saved = await run();
      setStored(saved);
      setTexts({ subject: saved.subject, body: saved.body, sms: saved.sms });
      setMessage({ ok: true, text: done });
    } catch (e) {
      const field = e instanceof ServerError ? (e.details as { field?: TemplateField } | undefined)?.field : undefined;
      if (field) setFieldError({ field, message: (e as Error).message });
      setMessage({ ok: false, text: field ? 'Máy chủ chưa nhận mẫu này (lý do ghi ngay dưới ô); chưa có gì được lưu.' : `${(e as Error).message} Chưa có gì được lưu.` });
    } finally {
      setBusy(false);
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change(() => api.put<StoredTemplate>(`/v1/admin/notice-templates/${initial.kind}`, texts), `Đã lưu mẫu «${label}»; thông báo gửi từ nay dùng mẫu này.`);
  };
  const reset = () => void change(() => api.delete<StoredTemplate>(`/v1/admin/notice-templates/${initial.kind}`), `Đã đưa mẫu «${label}» về mặc định.`);
  const errorOf = (field: TemplateField) => (fieldError?.field === field ? fieldError.message : undefined);
  const area = (field: 'body' | 'sms', text: string, rows: number) => (
    <label className={errorOf(field) ? 'field wide invalid' : 'field wide'} htmlFor={`${id}-${field}`}>
      <span>{text}</span>
      <textarea
        id={`${id}-${field}`}
        rows={rows}
        value={texts[field]}
        onChange={(e) => setTexts((t) => ({ ...t, [field]: e.target.value }))}
        aria-invalid={errorOf(field) ? true : undefined}
        aria-describedby={errorOf(field) ? `${id}-${field}-error` : undefined}
      />
      <FieldError id={`${id}-${field}`} error={errorOf(field)} />
    </label>
  );

  return (
    <form noValidate className="admin-editor" onSubmit={submit} aria-label={`Mẫu thông báo ${label}`}>
      <h3>
        {label} <small className="hint">{stored.edited ? '(Trung tâm đã sửa)' : '(mặc định)'}</small>
      </h3>
      <div className="admin-form">
        <div className="wide">
          <TextField
            id={`${id}-subject`}
            label="Tiêu đề thư"
            value={texts.subject}
            onValue={(v) => setTexts((t) => ({ ...t, subject: v }))}
            error={errorOf('subject')}
            autoComplete="off"
            scan="typing"
          />
        </div>
        {area('body', 'Nội dung thư', 6)}
        {area('sms', 'Nội dung SMS (tối đa hai tin khi điền đủ các ô)', 2)}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'banner ok' : 'banner error'}>
          {message.text}
        </p>
      )}
      <div className="admin-actions">
        <FormButtons busy={busy} label="Lưu mẫu" />
        <button type="button" onClick={reset} disabled={busy || !stored.edited}>
          Về mặc định
        </button>
      </div>
    </form>
  );
}
