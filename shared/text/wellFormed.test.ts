import { describe, expect, it } from 'vitest';
import { findBadText, MAX_NESTING, textFault } from './wellFormed';

describe('textFault', () => {
  it('accepts Vietnamese, emoji (a surrogate pair), tab and line breaks', () => {
    for (const s of ['Nguyễn Thị Ánh', 'Đ', 'hồ sơ 📄 xong', 'dòng 1\r\ndòng 2\tthụt lề', '']) expect(textFault(s), s).toBeUndefined();
  });

  it('names what is wrong: NUL, controls (C0, DEL, C1), a surrogate without its pair, U+FFFE/U+FFFF', () => {
    expect(textFault('a\u0000b')).toBe('nul');
    for (const c of ['\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f']) expect(textFault(`a${c}b`), c.charCodeAt(0).toString(16)).toBe('control');
    expect(textFault('a\ud800')).toBe('surrogate');
    expect(textFault('\udc00a')).toBe('surrogate');
    expect(textFault('\ud83d\ud83d\udcc4')).toBe('surrogate');
    expect(textFault('a\uffff')).toBe('noncharacter');
  });
});

describe('findBadText', () => {
  it('gives the JSON Pointer of the first bad string or key, and the id of the item around it', () => {
    const body = {
      entries: [
        { id: 'e-1', detail: 'ok' },
        { id: 'e-2', nested: { 'a/b': ['x', 'y\u0000'] } },
      ],
    };
    expect(findBadText(body)).toEqual({ path: '/entries/1/nested/a~1b/1', fault: 'nul', ownerId: 'e-2' });
    expect(findBadText({ ['k\ud800']: 1 })).toEqual({ path: '/k\ud800', fault: 'surrogate' });
    expect(findBadText({ a: [1, true, null, { b: 'fine' }] })).toBeUndefined();
  });

  it('stops at a nesting deeper than the limit without recursing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadText(deep)?.fault).toBe('nesting');
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_NESTING; i++) ok = [ok];
    expect(findBadText(ok)).toBeUndefined();
  });
});
