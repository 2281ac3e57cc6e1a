// Records the hall's announcement clips (assets/queue-voice/*.wav) with Debian's espeak-ng Vietnamese
// voice, one file per word or phrase of shared/queue/words.ts. Run again after changing the words:
//   apt-get install -y espeak-ng && npx tsx scripts/queueVoice.ts
// The clips are committed, so the hall plays them without the internet and without espeak-ng.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clipTexts } from '../shared/queue/words';

const OUT = resolve(import.meta.dirname, '../assets/queue-voice');
mkdirSync(OUT, { recursive: true });
try {
  execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('Chưa có espeak-ng: cài bằng `apt-get install -y espeak-ng` rồi chạy lại.');
  process.exit(2);
}

/** Cuts the silence espeak-ng leaves after the word (16-bit mono PCM), keeping 60 ms of it. */
function trimTail(wav: Buffer): Buffer {
  const dataAt = wav.indexOf('data') + 8;
  const rate = wav.readUInt32LE(24);
  let end = wav.length;
  while (end - 2 > dataAt && Math.abs(wav.readInt16LE(end - 2)) < 200) end -= 2;
  end = Math.min(wav.length, end + Math.round(rate * 0.06) * 2);
  const out = Buffer.from(wav.subarray(0, end));
  out.writeUInt32LE(end - 8, 4);
  out.writeUInt32LE(end - dataAt, dataAt - 4);
  return out;
}

for (const { file, text } of clipTexts()) {
  const path = join(OUT, `${file}.wav`);
  // -v vi: the northern voice; -s 140 words a minute, slower than its default, as a loudspeaker in a hall needs.
  execFileSync('espeak-ng', ['-v', 'vi', '-s', '140', '-w', path, text]);
  writeFileSync(path, trimTail(readFileSync(path)));
  console.log(`${file}.wav  ${text}`);
}
