// The hall's TV: the number served at each counter, the latest calls, and each new call said aloud
// in Vietnamese from the recorded clips (Web Audio, one clip after another; no internet needed).
'use strict';
(function hall() {
  const { queueApi, el, clockText, show } = window;
  const app = document.getElementById('app');
  document.body.className = 'page-hall';
  const audio = new AudioContext();
  const buffers = new Map();
  /** The clips played, in order: what the loudspeaker said (kept for the staff and the tests). */
  window.hallPlayed = [];
  let announcedSeq;
  let speaking = Promise.resolve();

  async function clip(name) {
    if (!buffers.has(name)) {
      buffers.set(
        name,
        fetch(`/am-thanh/${name}.wav`)
          .then((r) => r.arrayBuffer())
          .then((b) => audio.decodeAudioData(b)),
      );
    }
    return buffers.get(name);
  }

  function play(buffer) {
    return new Promise((resolve) => {
      const source = audio.createBufferSource();
      source.buffer = buffer;
      source.connect(audio.destination);
      source.onended = resolve;
      source.start();
    });
  }

  /** Says one call: its clips fetched first, then played back to back, after any call still being said. */
  function announce(call) {
    // Sound not yet allowed on this TV (nobody pressed the button): the call is shown, not queued to be said late.
    if (audio.state !== 'running') return;
    speaking = speaking.then(async () => {
      const clips = await Promise.all(call.announcement.clips.map(clip));
      for (let i = 0; i < clips.length; i++) {
        window.hallPlayed.push(call.announcement.clips[i]);
        await play(clips[i]);
      }
    });
  }

  const soundButton = el('button', { type: 'button', className: 'sound-on', onclick: () => audio.resume() }, 'Bấm để bật loa đọc số');

  function render(view, problem) {
    const latest = view.calls[0];
    show(
      app,
      el('header', { className: 'hall-head' }, el('div', { className: 'center-name' }, ...view.center.map((l) => el('div', {}, l))), el('div', { className: 'clock' }, clockText(new Date()))),
      audio.state === 'running' ? null : soundButton,
      problem ? el('p', { className: 'notice', role: 'alert' }, problem) : null,
      latest ? el('p', { className: 'latest-call', 'data-testid': 'latest-call' }, latest.announcement.text) : el('p', { className: 'latest-call' }, 'Xin mời công dân lấy số thứ tự và ngồi chờ.'),
      el(
        'div',
        { className: 'hall-body' },
        el(
          'table',
          { className: 'serving' },
          el('caption', {}, 'Đang phục vụ'),
          el('thead', {}, el('tr', {}, el('th', {}, 'Quầy'), el('th', {}, 'Số'), el('th', {}, 'Lĩnh vực'))),
          el(
            'tbody',
            {},
            ...view.serving.map((s) =>
              el('tr', { 'data-testid': `serving-${s.counter}` }, el('td', {}, `Quầy ${s.counter}`), el('td', { className: 'num' }, String(s.number)), el('td', {}, s.lineName)),
            ),
          ),
        ),
        el(
          'section',
          { className: 'side' },
          el('h2', {}, 'Vừa gọi'),
          el('ol', { className: 'calls' }, ...view.calls.map((c) => el('li', {}, el('b', {}, String(c.number)), ` → quầy ${c.counter}`))),
          el('h2', {}, 'Đang chờ'),
          el('ul', { className: 'waiting' }, ...view.waiting.map((w) => el('li', {}, `${w.lineName}: `, el('b', {}, String(w.count))))),
        ),
      ),
    );
  }

  let last;
  async function poll() {
    const answer = await queueApi('/api/hall');
    if (answer.ok) {
      last = answer.value;
      // Calls made before this page opened are shown, not said again.
      if (announcedSeq === undefined) announcedSeq = last.calls.length ? last.calls[0].seq : 0;
      for (const call of [...last.calls].reverse()) {
        if (call.seq <= announcedSeq) continue;
        announce(call);
        announcedSeq = call.seq;
      }
      render(last);
    } else if (last) {
      render(last, answer.message);
    } else {
      show(app, el('p', { className: 'notice', role: 'alert' }, answer.message));
    }
    setTimeout(poll, 1000);
  }
  poll();
})();
