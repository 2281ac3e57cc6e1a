// A catalogue setting edited as a form (Trung tâm, Biên lai, a center's receipt series): the stored body is read first
// (GET /v1/admin/settings/:key), the page's fields are checked all at once, and only those fields
// are written over it (PUT /v1/admin/catalogue/setting/:key, audited with before and after);
// counters receive it with their next catalogue sync. Bad input is named at its field, nothing sent.
// For one center the form shows the center's own values over the province's and writes the center's
// own item (/v1/admin/centers/:id/…), which its counters merge over the province's field by field.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { TextField } from '../../ui/Field';
import type { CenterSettingResponse } from '../../../shared/sync/adminProtocol';
import type { AdminApi } from './adminApi';
import { FormButtons } from './useAdminList';

export interface SettingField {
  /** The field's path in the setting's body: `address`, or `agency.name` one level down. */
  path: string;
  label: string;
  hint?: string;
  /** The form's text → the stored value, or the Vietnamese error. '' is stored as absent where `optional`. */
  parse?(text: string): { value: unknown } | { error: string };
  optional?: boolean;
  options?: readonly { value: string; label: string }[];
  /** The whole row of the form, for a text longer than a column shows. */
  wide?: boolean;
  /** The stored value as the form shows it when absent from the setting. */
  fallback: string;
}

function read(body: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), body);
}

function write(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const out = { ...body };
  if (rest.length === 0) {
    if (value === undefined) delete out[head];
    else out[head] = value;
  } else {
    const inner = typeof out[head] === 'object' && out[head] !== null ? (out[head] as Record<string, unknown>) : {};
    out[head] = write(inner, rest.join('.'), value);
  }
  return out;
}

export function SettingForm(props: {
  api: AdminApi;
  settingKey: string;
  title: string;
  fields: readonly SettingField[];
  saved: string;
  /** A center's own setting (Các trung tâm): shown over the province's, and only the page's fields written into the center's. */
  center?: { id: string; name: string };
  children?: ReactNode;
}) {
  const { api, settingKey, fields, center } = props;
  const centerPath = center ? `/v1/admin/centers/${encodeURIComponent(center.id)}` : undefined;
  const [stored, setStored] = useState<Record<string, unknown>>();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const asRecord = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
    const loaded: Promise<{ own: Record<string, unknown>; shown: Record<string, unknown> }> = centerPath
      ? api.get<CenterSettingResponse>(`${centerPath}/settings/${settingKey}`).then((a) => ({ own: asRecord(a.body), shown: { ...asRecord(a.province), ...asRecord(a.body) } }))
      : api.get<{ body: unknown }>(`/v1/admin/settings/${settingKey}`).then((a) => ({ own: asRecord(a.body), shown: asRecord(a.body) }));
    loaded.then(
      ({ own, shown }) => {
        setStored(own);
        setTexts(Object.fromEntries(fields.map((f) => [f.path, String(read(shown, f.path) ?? f.fallback)])));
      },
      (e: Error) => setMessage({ ok: false, text: `Không tải được cấu hình: ${e.message}` }),
    );
  }, [api, settingKey, fields, centerPath]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stored) return;
    setMessage(undefined);
    const found: Record<string, string> = {};
    let body = stored;
    for (const f of fields) {
      const text = (texts[f.path] ?? '').trim();
      if (text === '' && f.optional) {
        body = write(body, f.path, undefined);
        continue;
      }
      const parsed = f.parse ? f.parse(text) : text ? { value: text } : { error: `Hãy nhập ${f.label.toLowerCase()}.` };
      if ('error' in parsed) found[f.path] = parsed.error;
      else body = write(body, f.path, parsed.value);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return setMessage({ ok: false, text: 'Có ô chưa hợp lệ (ghi ngay dưới ô); chưa có gì được lưu.' });
    setBusy(true);
    try {
      await api.put(centerPath ? `${centerPath}/catalogue/setting/${settingKey}` : `/v1/admin/catalogue/setting/${settingKey}`, { body });
      setStored(body);
      setMessage({ ok: true, text: props.saved });
    } catch (e) {
      setMessage({ ok: false, text: `${(e as Error).message} Chưa có gì được lưu.` });
    } finally {
      setBusy(false);
    }
  }

  if (!stored) return message ? <p className="banner error">{message.text}</p> : <p className="hint">Đang tải…</p>;
  return (
    <form noValidate className="admin-editor" onSubmit={submit} aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.children}
      <div className="admin-form">
        {fields.map((f) => {
          const id = `setting-${center ? `${center.id}-` : ''}${settingKey}-${f.path.replace('.', '-')}`;
          const value = texts[f.path] ?? '';
          const onValue = (v: string) => setTexts((t) => ({ ...t, [f.path]: v }));
          return f.options ? (
            <label key={f.path} className="field" htmlFor={id}>
              <span>{f.label}</span>
              <select id={id} value={value} onChange={(e) => onValue(e.target.value)}>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {f.hint ? <small className="field-hint">{f.hint}</small> : null}
            </label>
          ) : (
            <div key={f.path} className={f.wide ? 'wide' : undefined}>
              <TextField id={id} label={f.label} value={value} onValue={onValue} error={errors[f.path]} hint={f.hint} autoComplete="off" scan="typing" />
            </div>
          );
        })}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'banner ok' : 'banner error'}>
          {message.text}
        </p>
      )}
      <FormButtons busy={busy} label="Lưu" />
    </form>
  );
}
