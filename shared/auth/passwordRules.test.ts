import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwordRules';

describe('passwordProblem', () => {
  it.each([
    ['1', 'cần từ 8 đến 200 ký tự.'],
    ['bimat7', 'cần từ 8 đến 200 ký tự.'],
    ['x'.repeat(201), 'cần từ 8 đến 200 ký tự.'],
    ['12345678', 'là mật khẩu phổ biến'],
    ['Mật-Khẩu', 'là mật khẩu phổ biến'],
    ['Password1', 'là mật khẩu phổ biến'],
    ['aaaaaaaaaaaa', 'quá đơn giản'],
    ['abababab', 'quá đơn giản'],
    ['mật\u0000khẩu dài', 'ký tự điều khiển'],
  ])('refuses %j', (password, reason) => {
    expect(passwordProblem(password)).toContain(reason);
  });

  it('refuses a password that holds the username', () => {
    expect(passwordProblem('quantri.2026!', 'quantri')).toBe('không được chứa tên đăng nhập.');
  });

  it('accepts a phrase, Vietnamese letters included, counting characters not code units', () => {
    expect(passwordProblem('mat-khau-quan-tri')).toBeUndefined();
    expect(passwordProblem('Hoa sen nở sớm')).toBeUndefined();
    expect(passwordProblem('🌸🌼🌻🌺🌷🌹🍀🌿')).toBeUndefined();
  });
});
