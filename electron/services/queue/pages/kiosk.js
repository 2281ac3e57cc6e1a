// The entrance kiosk (a touch screen, portrait 1080×1920 or 1366×768): one big button per line;
// a touch takes a number, the ticket prints, and the screen shows the number until the next citizen.
'use strict';
(function kiosk() {
  const { queueApi, el, show } = window;
  const app = document.getElementById('app');
  document.body.className = 'page-kiosk';
  const DESK = { receive: 'Nộp hồ sơ', return: 'Nhận kết quả' };
  let config;
  let busy = false;
  let resetTimer;

  function showLines(message) {
    show(
      app,
      el('header', { className: 'center-name' }, ...config.center.map((line) => el('div', {}, line))),
      el('h1', {}, 'Mời chọn việc cần làm để lấy số thứ tự'),
      message ? el('p', { className: 'notice', role: 'alert' }, message) : null,
      el(
        'div',
        { className: 'line-buttons' },
        ...config.lines.map((line) =>
          el(
            'button',
            { type: 'button', className: `line-button desk-${line.desk}`, onclick: () => take(line) },
            line.name === DESK[line.desk] ? null : el('span', { className: 'line-desk' }, DESK[line.desk]),
            el('span', { className: 'line-name' }, line.name),
            line.fields.length ? el('span', { className: 'line-fields' }, line.fields.join(' · ')) : null,
          ),
        ),
      ),
    );
  }

  async function take(line) {
    if (busy) return;
    busy = true;
    show(app, el('p', { className: 'big-wait' }, 'Đang lấy số…'));
    const answer = await queueApi('/api/tickets', { line: line.id });
    busy = false;
    if (!answer.ok) return showLines(answer.message);
    const t = answer.value;
    const printed = t.printed === undefined ? false : t.printed.ok;
    show(
      app,
      el(
        'section',
        { className: 'ticket-shown', 'aria-label': 'Số thứ tự của bạn' },
        el('p', {}, 'Số thứ tự của bạn'),
        el('p', { className: 'ticket-number', 'data-testid': 'ticket-number' }, String(t.number)),
        el('p', { className: 'ticket-line' }, t.line.name),
        el('p', {}, `Đang chờ trước bạn: ${t.waitingAhead} người`),
        el(
          'p',
          { className: printed ? 'printed' : 'notice', role: printed ? 'status' : 'alert' },
          printed
            ? 'Mời nhận phiếu ở khe máy in.'
            : `Máy in phiếu chưa in được (${t.printed ? t.printed.status.message : 'chưa cài máy in phiếu'}). Xin ghi nhớ số ${t.number}; số đã được giữ cho bạn.`,
        ),
        el('button', { type: 'button', className: 'back', onclick: () => showLines() }, 'Xong'),
      ),
    );
    clearTimeout(resetTimer);
    resetTimer = setTimeout(() => showLines(), 15000);
  }

  async function start() {
    const answer = await queueApi('/api/lines');
    if (!answer.ok) {
      show(app, el('p', { className: 'notice', role: 'alert' }, `${answer.message} Máy lấy số tạm dừng, xin hỏi cán bộ hướng dẫn.`));
      return setTimeout(start, 3000);
    }
    config = answer.value;
    showLines();
  }
  start();
})();
