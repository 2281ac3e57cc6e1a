// The citizen's screen at a counter (a second monitor or a tablet's browser): paired once with the
// counter by the code shown there, it asks for a rating after each service at that counter.
'use strict';
(function rating() {
  const { queueApi, el, show } = window;
  const app = document.getElementById('app');
  document.body.className = 'page-rating';
  const KEY = 'motcua-queue-pairing';
  const LEVELS = [
    ['veryGood', 'Rất hài lòng'],
    ['good', 'Hài lòng'],
    ['poor', 'Chưa hài lòng'],
  ];
  let shownFor;
  let thanksUntil = 0;

  function pairing(message) {
    const input = el('input', { id: 'pair-code', inputMode: 'numeric', autocomplete: 'off', maxLength: 6 });
    const form = el(
      'form',
      {
        className: 'pairing',
        onsubmit: async (e) => {
          e.preventDefault();
          const code = input.value.trim();
          const answer = /^\d{6}$/.test(code) ? await queueApi(`/api/rating/${code}`) : { ok: false, message: 'Mã ghép gồm 6 chữ số.' };
          if (!answer.ok) return pairing(answer.message);
          localStorage.setItem(KEY, code);
          poll();
        },
      },
      el('h1', {}, 'Ghép màn hình đánh giá với quầy'),
      el('label', { htmlFor: 'pair-code' }, 'Mã ghép (hiện trên màn hình của quầy)'),
      input,
      message ? el('p', { className: 'notice', role: 'alert' }, message) : null,
      el('button', { type: 'submit' }, 'Ghép'),
    );
    show(app, form);
    input.focus();
  }

  function ask(view) {
    const reason = el('textarea', { id: 'rating-reason', rows: 2, maxLength: 500 });
    const send = async (level) => {
      const answer = await queueApi(`/api/rating/${localStorage.getItem(KEY)}`, { number: view.pending.number, rating: level, reason: reason.value });
      if (!answer.ok) return show(app, el('p', { className: 'notice', role: 'alert' }, answer.message));
      thanksUntil = Date.now() + 5000;
      shownFor = undefined;
      show(app, el('p', { className: 'thanks', role: 'status' }, 'Cảm ơn ông/bà đã đánh giá!'));
    };
    show(
      app,
      el('h1', {}, `Quầy ${view.counter} · số ${view.pending.number}`),
      el('p', { className: 'question' }, `Ông/bà có hài lòng với việc phục vụ của cán bộ ${view.pending.officerName}?`),
      el('div', { className: 'levels' }, ...LEVELS.map(([level, label]) => el('button', { type: 'button', className: `level ${level}`, onclick: () => send(level) }, label))),
      el('label', { htmlFor: 'rating-reason' }, 'Góp ý thêm (không bắt buộc)'),
      reason,
    );
  }

  async function poll() {
    const code = localStorage.getItem(KEY);
    if (!code) return pairing();
    const answer = await queueApi(`/api/rating/${code}`);
    if (!answer.ok && /Mã ghép/.test(answer.message)) {
      localStorage.removeItem(KEY);
      return pairing(answer.message);
    }
    if (Date.now() >= thanksUntil) {
      if (!answer.ok) show(app, el('p', { className: 'notice', role: 'alert' }, answer.message));
      else if (answer.value.pending && shownFor !== answer.value.pending.number) {
        shownFor = answer.value.pending.number;
        ask(answer.value);
      } else if (!answer.value.pending) {
        shownFor = undefined;
        show(app, el('p', { className: 'welcome' }, `Quầy ${answer.value.counter} xin kính chào ông/bà.`));
      }
    }
    setTimeout(poll, 1000);
  }
  poll();
})();
