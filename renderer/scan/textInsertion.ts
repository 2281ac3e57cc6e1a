// Puts characters the detector withheld back where the person was typing, in a way React's
// controlled inputs notice (they listen to `input` events and track the value through its setter).

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

type TextField = HTMLInputElement | HTMLTextAreaElement;

function asTextField(target: EventTarget | null): TextField | undefined {
  if (target instanceof HTMLTextAreaElement) return target.readOnly || target.disabled ? undefined : target;
  if (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) return target.readOnly || target.disabled ? undefined : target;
  return undefined;
}

function isEditableContent(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && target.isContentEditable;
}

/** Replaces the selection the way typing would, then tells React through the prototype's setter. */
function spliceValue(field: TextField, text: string): void {
  let start = field.value.length;
  let end = start;
  try {
    start = field.selectionStart ?? start;
    end = field.selectionEnd ?? end;
  } catch {
    // Number and email inputs have no selection API: typing goes at the end.
  }
  const value = field.value.slice(0, start) + text + field.value.slice(end);
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  try {
    field.setSelectionRange(start + text.length, start + text.length);
  } catch {
    // As above: no caret to move.
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** A text field with the focus, where a key let through can be taken back. */
export function isFocusedTextField(target: EventTarget | null): boolean {
  const field = asTextField(target);
  return field !== undefined && field === field.ownerDocument.activeElement;
}

/** Takes back the `count` characters before the caret: keys let through that turned out to open a scan. */
export function retractTypedText(target: EventTarget | null, count: number): void {
  const field = asTextField(target);
  if (!field || count <= 0) return;
  if (field === field.ownerDocument.activeElement) {
    for (let i = 0; i < count; i++) field.ownerDocument.execCommand('delete');
    return;
  }
  const end = field.selectionStart ?? field.value.length;
  field.setSelectionRange(Math.max(0, end - count), end);
  spliceValue(field, '');
}

/**
 * Delivers withheld keystrokes to `target`, the element that had focus when they were pressed:
 * - a focused text field or editable content: `insertText`, which keeps the undo history and
 *   fires `beforeinput`/`input` like real typing;
 * - a text field that lost focus meanwhile: the value is spliced and an `input` event dispatched;
 * - anything else (a button, the page): the keys are dispatched again as untrusted keydown/keyup,
 *   so single-key shortcuts of the screen still see them. The detector ignores untrusted keys.
 */
export function deliverWithheldText(target: EventTarget | null, text: string): void {
  if (text === '') return;
  const field = asTextField(target);
  const editable = field ?? (isEditableContent(target) ? target : undefined);
  if (editable && editable === editable.ownerDocument.activeElement) {
    if (editable.ownerDocument.execCommand('insertText', false, text)) return;
  }
  if (field) {
    spliceValue(field, text);
    return;
  }
  const receiver = target instanceof Node ? target : document.body;
  for (const key of text) {
    receiver.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
    receiver.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true, composed: true }));
  }
}
