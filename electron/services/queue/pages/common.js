// Shared by the queue's pages (plain scripts, no build): talking to the service and building the DOM.
// Every text a citizen reads is set as text, never as HTML.
'use strict';

/** GET or POST to the queue service; resolves to { ok, value } or { ok: false, message } (never throws). */
window.queueApi = async function queueApi(path, body) {
  try {
    const response = await fetch(path, body === undefined ? { cache: 'no-store' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const value = await response.json();
    if (response.ok) return { ok: true, value };
    return { ok: false, message: (value && value.error && value.error.message) || 'Dịch vụ hàng chờ báo lỗi.' };
  } catch {
    return { ok: false, message: 'Mất kết nối với máy hàng chờ. Đang thử lại…' };
  }
};

/** el('div', { className: 'x' }, 'text', child…) */
window.el = function el(tag, props, ...children) {
  const node = document.createElement(tag);
  // data-* and aria-* are attributes, not properties.
  for (const [key, value] of Object.entries(props || {})) {
    if (key.includes('-') || key === 'role') node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
};

/** Replaces what `root` shows; null and undefined (a part not shown) are left out. */
window.show = function show(root, ...nodes) {
  root.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined));
};

window.clockText = function clockText(date) {
  const two = (n) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
};
