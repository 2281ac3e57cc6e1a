// The kiosk web host stops when asked even while the page long-polls the serial scanner: the poll
// holds its connection up to 30 s and the page opens the next at once, so waiting for the
// connections to end kept a stopped host (and the restart after it) waiting for as long as the page was open.
import { tmpdir } from 'node:os';
import { expect, test } from 'vitest';
import { createScannerService } from '../../electron/services/scanner';
import { startWebHost } from '../../electron/web-host/server';
import type { KioskHost } from '../../shared/host';

test('closing the web host ends a scan poll in progress within seconds', async () => {
  const scanner = createScannerService();
  const host = { scanner: { listPorts: () => scanner.listPorts(), next: (after: number, wait: number) => scanner.next(after, wait) } } as unknown as KioskHost;
  const web = await startWebHost({ host, staticDir: tmpdir() });
  const poll = fetch(new URL('/host', web.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-motcua-host-token': web.token },
    body: JSON.stringify({ call: 'scanner.next', args: [0, 30_000] }),
  }).then(
    (r) => r.status,
    () => 'cut',
  );
  await new Promise((r) => setTimeout(r, 200));
  const started = Date.now();
  await web.close();
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await poll).toBe('cut');
});
