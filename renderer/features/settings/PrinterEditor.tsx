// Adding or editing one printer: every field with its Vietnamese error under it; Enter saves,
// Esc cancels. Nothing is saved until every field is valid.
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { PaperSize, PrinterConfig } from '../../../shared/host';
import {
  ADDRESS_HINTS,
  PAPER_LABELS,
  PAPER_SIZES,
  PRINT_ROLES,
  ROLE_LABELS,
  TRANSPORT_LABELS,
  TRANSPORTS,
  rolePaperWarning,
  validatePrinterDraft,
  type EditableTransport,
  type FieldErrors,
  type PrinterDraft,
} from './printerForm';

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span className="field-error" id={`${id}-error`} role="alert">
      {error}
    </span>
  );
}

const described = (id: string, error?: string) => (error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});

export function PrinterEditor(props: {
  initial: PrinterDraft;
  others: readonly PrinterConfig[];
  onSave(printer: PrinterConfig): Promise<string | undefined>;
  onCancel(): void;
  onDraft?(draft: PrinterDraft): void;
}) {
  const [draft, setDraft] = useState(props.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PrinterDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { onDraft } = props;
  useEffect(() => onDraft?.(draft), [draft, onDraft]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validatePrinterDraft(draft, props.others);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    setSaveError(await props.onSave(result.printer));
    setBusy(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') props.onCancel();
  }

  const paperWarning = rolePaperWarning(draft);
  const toggleRole = (role: PrinterDraft['roles'][number], on: boolean) => set({ roles: on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) });

  return (
    <form className="printer-editor" onSubmit={submit} onKeyDown={onKeyDown} aria-label={draft.id ? `Sửa máy in ${props.initial.name}` : 'Thêm máy in'} noValidate>
      <h3>{draft.id ? `Sửa máy in “${props.initial.name}”` : 'Thêm máy in'}</h3>
      <label className={errors.name ? 'field invalid' : 'field'} htmlFor="printer-name">
        <span>Tên máy in</span>
        <input id="printer-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} autoFocus placeholder="Máy in phiếu quầy 3" {...described('printer-name', errors.name)} />
        <FieldError id="printer-name" error={errors.name} />
      </label>
      <div className="field-row">
        <label className={errors.transport ? 'field invalid' : 'field'} htmlFor="printer-transport">
          <span>Kết nối</span>
          <select id="printer-transport" value={draft.transport} onChange={(e) => set({ transport: e.target.value as EditableTransport })} {...described('printer-transport', errors.transport)}>
            {TRANSPORTS.map((t) => (
              <option key={t} value={t}>
                {TRANSPORT_LABELS[t]}
              </option>
            ))}
          </select>
          <FieldError id="printer-transport" error={errors.transport} />
        </label>
        <label className={errors.address ? 'field invalid grow' : 'field grow'} htmlFor="printer-address">
          <span>Địa chỉ</span>
          <input id="printer-address" value={draft.address} onChange={(e) => set({ address: e.target.value })} {...described('printer-address', errors.address)} />
          {!errors.address && <small className="field-hint">{ADDRESS_HINTS[draft.transport]}</small>}
          <FieldError id="printer-address" error={errors.address} />
        </label>
        <label className={errors.paper ? 'field invalid' : 'field'} htmlFor="printer-paper">
          <span>Khổ giấy</span>
          <select id="printer-paper" value={draft.paper} onChange={(e) => set({ paper: e.target.value as PaperSize })} {...described('printer-paper', errors.paper)}>
            {PAPER_SIZES.map((p) => (
              <option key={p} value={p}>
                {PAPER_LABELS[p]}
              </option>
            ))}
          </select>
          <FieldError id="printer-paper" error={errors.paper} />
        </label>
      </div>
      <fieldset className={errors.roles ? 'roles invalid' : 'roles'} {...described('printer-roles', errors.roles)}>
        <legend>Máy này in (và số bản mỗi lần)</legend>
        {PRINT_ROLES.map((role) => {
          const copiesId = `printer-copies-${role}`;
          const copiesError = errors[`copies.${role}`];
          return (
            <div key={role} className="role-line">
              <label className="check">
                <input type="checkbox" checked={draft.roles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} />
                {ROLE_LABELS[role]}
              </label>
              <label className={copiesError ? 'copies invalid' : 'copies'} htmlFor={copiesId}>
                <span>Số bản</span>
                <input
                  id={copiesId}
                  inputMode="numeric"
                  size={3}
                  value={draft.copies[role]}
                  disabled={!draft.roles.includes(role)}
                  onChange={(e) => set({ copies: { ...draft.copies, [role]: e.target.value } })}
                  {...described(copiesId, copiesError)}
                />
              </label>
              <FieldError id={copiesId} error={copiesError} />
            </div>
          );
        })}
        <FieldError id="printer-roles" error={errors.roles} />
        {paperWarning ? (
          <p role="status" className="banner warning" data-testid="printer-role-warning">
            {paperWarning}
          </p>
        ) : null}
      </fieldset>
      {saveError && (
        <p role="alert" className="banner error">
          {saveError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu máy in'} <kbd>Enter</kbd>
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Huỷ <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
