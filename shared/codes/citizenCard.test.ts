import { describe, expect, test } from 'vitest';
import { looksLikeCitizenCard, parseCitizenCard } from './citizenCard';
import { classifyScan, dossierCodeOfScan } from './classifyScan';

// Fake people: the numbers are well formed (province 040 Nghệ An, century and sex digit, birth year) and belong to no one.
const CHIP_CCCD = '040195012346|186123456|Trần Thị Bình|02111995|Nữ|Xóm 5, xã Diễn Châu, tỉnh Nghệ An|15082021';
const NEW_CARD = '040090001234||Nguyễn Văn An|01011990|Nam|Phường Vinh Phú, tỉnh Nghệ An|04102024||||';

describe('parseCitizenCard', () => {
  test('the chip CCCD (7 fields, old CMND given): every field read, names and places with their marks', () => {
    const card = parseCitizenCard(CHIP_CCCD);
    expect(card).toEqual({
      ok: true,
      value: {
        idNumber: '040195012346',
        oldIdNumber: '186123456',
        fullName: 'Trần Thị Bình',
        birthDate: { year: 1995, month: 11, day: 2 },
        sex: 'female',
        address: 'Xóm 5, xã Diễn Châu, tỉnh Nghệ An',
        issuedOn: { year: 2021, month: 8, day: 15 },
      },
    });
  });

  test('the thẻ căn cước (11 fields, no old CMND): the fields after the seventh are ignored', () => {
    const card = parseCitizenCard(NEW_CARD);
    expect(card.ok && card.value).toMatchObject({ idNumber: '040090001234', fullName: 'Nguyễn Văn An', sex: 'male', issuedOn: { year: 2024, month: 10, day: 4 } });
    expect(card.ok && 'oldIdNumber' in card.value).toBe(false);
  });

  test('decomposed marks (a wedge scanner) read as the composed ones (the serial path)', () => {
    const card = parseCitizenCard(CHIP_CCCD.normalize('NFD'));
    expect(card.ok && card.value.fullName).toBe('Trần Thị Bình');
  });

  test.each([
    ['040195012346|186123456|Trần Thị Bình|02111995|Nữ|Xóm 5', 'tooFewFields', 'thiếu thông tin'],
    [CHIP_CCCD.replace('040195012346', '04019501234'), 'badIdNumber', 'số định danh'],
    [CHIP_CCCD.replace('040195012346', '040185012346'), 'badIdNumber', 'không khớp với năm sinh 1995'],
    [CHIP_CCCD.replace('186123456', '18612'), 'badOldIdNumber', 'CMND'],
    [CHIP_CCCD.replace('Trần Thị Bình', ' '), 'noName', 'họ và tên'],
    [CHIP_CCCD.replace('02111995', '31021995'), 'badBirthDate', 'ngày sinh'],
    [CHIP_CCCD.replace('|Nữ|', '|F|'), 'badSex', 'giới tính'],
    [CHIP_CCCD.replace('|Nữ|', '|Nam|'), 'badSex', 'không khớp'],
    [CHIP_CCCD.replace('Xóm 5, xã Diễn Châu, tỉnh Nghệ An', ''), 'noAddress', 'nơi thường trú'],
    [CHIP_CCCD.replace('15082021', '15081990'), 'badIssueDate', 'ngày cấp'],
  ])('malformed: %s → %s, in Vietnamese, asking to scan again', (text, code, words) => {
    const card = parseCitizenCard(text);
    expect(card.ok).toBe(false);
    if (card.ok) return;
    expect(card.error.code).toBe(code);
    expect(card.error.message).toContain(words);
    expect(card.error.message).toContain('Hãy quét lại');
  });
});

describe('a card through classifyScan', () => {
  test('a good card is a citizenCard scan, never a dossier code', () => {
    const scan = classifyScan(NEW_CARD);
    expect(scan.kind).toBe('citizenCard');
    expect(scan.kind === 'citizenCard' && scan.card.fullName).toBe('Nguyễn Văn An');
    expect(dossierCodeOfScan(scan, []).ok).toBe(false);
  });

  test('a bad card is unknown with the card reader’s reason; codes and plain numbers are not taken for cards', () => {
    const scan = classifyScan('040195012346|186123456|Trần Thị Bình');
    expect(scan.kind === 'unknown' && scan.error?.message).toContain('thiếu thông tin');
    expect(looksLikeCitizenCard('000.00.15.H41-260112-0001')).toBe(false);
    expect(looksLikeCitizenCard('040195012346')).toBe(false);
    expect(classifyScan('412601120001').kind).toBe('barcodeKey');
  });
});
