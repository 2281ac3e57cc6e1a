// HostCall is derived from KioskHost, and HOST_CALLS is checked against it both ways: these lines are checked
// by `tsc` (the project's typecheck includes tests/), so a name that drifts from the contract fails the build.
// The runtime half: both runtimes' host objects have exactly the methods HOST_CALLS names.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { HOST_CALLS, isHostCall, type HostCall, type KioskHost } from '../../shared/host';
import { createAppHost } from '../../electron/wiring';
import { createKioskLog } from '../../electron/services/log';

describe('HostCall', () => {
  test('is every namespace.method of KioskHost, optional namespaces included, and nothing else', () => {
    expectTypeOf<'printers.printRaster'>().toExtend<HostCall>();
    expectTypeOf<'desktop.exitKiosk'>().toExtend<HostCall>();
    expectTypeOf<'log.write'>().toExtend<HostCall>();
    expectTypeOf<'printers.fax'>().not.toExtend<HostCall>();
    expectTypeOf<'printers'>().not.toExtend<HostCall>();

    // @ts-expect-error a method KioskHost does not have is not a call name
    const wrong: HostCall = 'printers.fax';
    // @ts-expect-error nor is a namespace it does not have
    const stranger: HostCall = 'fs.readFile';
    expect([wrong, stranger].some(isHostCall)).toBe(false);
  });

  test('a table of call names missing one, or with one too many, does not compile', () => {
    const calls = Object.fromEntries(HOST_CALLS.map((name) => [name, true])) as Record<HostCall, true>;
    const { 'log.read': _left, ...missingOne } = calls;
    // @ts-expect-error 'log.read' is a KioskHost method without a row
    const missing: Record<HostCall, true> = missingOne;
    // @ts-expect-error 'printers.fax' is a row without a KioskHost method
    const extra = { ...calls, 'printers.fax': true } satisfies Record<HostCall, true>;
    expect(Object.keys(missing)).toHaveLength(HOST_CALLS.length - 1);
    expect(Object.keys(extra)).toHaveLength(HOST_CALLS.length + 1);
  });

  test('HOST_CALLS names each call once and isHostCall accepts exactly them', () => {
    expect(new Set(HOST_CALLS).size).toBe(HOST_CALLS.length);
    expect(HOST_CALLS.every(isHostCall)).toBe(true);
    for (const name of ['printers', 'printers.', '.list', 'toString', '__proto__.constructor', 'log.write ', 42, undefined]) expect(isHostCall(name)).toBe(false);
  });

  test('the Electron host object has exactly the methods HOST_CALLS names', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-calls-'));
    const desktop: NonNullable<KioskHost['desktop']> = { exitKiosk: async () => true, setBusy: async () => undefined };
    const app = await createAppHost({ dataDir, version: 't', kioskLog: createKioskLog({ dir: join(dataDir, 'logs') }), desktop, log: () => undefined });
    const served = Object.entries(app.host as unknown as Record<string, Record<string, unknown>>).flatMap(([namespace, methods]) => Object.keys(methods).map((method) => `${namespace}.${method}`));
    expect(served.sort()).toEqual([...HOST_CALLS].sort());
    app.scanFolder.stop();
  });
});
