import { describe, expect, it } from 'vitest';
import { EMPTY_STAFF_FORM, staffBody, staffFormErrors } from './staffForm';

describe('the account form', () => {
  it('names every problem at once, with the server’s password rules', () => {
    const errors = staffFormErrors({ ...EMPTY_STAFF_FORM, username: 'Lan NT', password: 'lannt123', where: 'listed' }, true);
    expect(Object.keys(errors).sort()).toEqual(['counters', 'fullName', 'password', 'roles', 'username']);
    expect(staffFormErrors({ ...EMPTY_STAFF_FORM, username: 'lan.nt', fullName: 'Nguyễn Thị Lan', roles: ['receiving'], password: 'lan.nt-2026' }, true).password).toBe(
      'Mật khẩu không được chứa tên đăng nhập.',
    );
  });
  it('sends a new account’s password as temporary, and no password with an edit', () => {
    const form = { ...EMPTY_STAFF_FORM, username: ' lan.nt ', fullName: ' Nguyễn Thị Lan ', roles: ['receiving' as const], password: 'mua-thu-ha-noi' };
    expect(staffFormErrors(form, true)).toEqual({});
    expect(staffBody(form, true)).toEqual({
      username: 'lan.nt',
      fullName: 'Nguyễn Thị Lan',
      roles: ['receiving'],
      counters: null,
      centerId: null,
      password: 'mua-thu-ha-noi',
      mustChangePassword: true,
    });
    expect(staffBody({ ...form, where: 'listed', counters: ['quay-1'], centerId: 'xa-a' }, false)).toEqual({
      fullName: 'Nguyễn Thị Lan',
      roles: ['receiving'],
      counters: ['quay-1'],
      centerId: 'xa-a',
    });
  });
});
