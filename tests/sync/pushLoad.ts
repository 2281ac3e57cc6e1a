// A counter pushing without pause, as its outbox drains: fresh dossiers (received, handed to the
// courier) in chunks of ten events on three lanes, each chunk sent again until it is acknowledged.
// The fault tests take the database away under it and count what was answered.
import { randomUUID } from 'node:crypto';
import type { DossierEvent } from '../../shared/domain';
import type { LeaseResponse, PushResponse, ApiErrorBody } from '../../shared/sync/protocol';
import { dossierCode, handedToCourier, received } from './events';
import { call } from './serverProcess';
import type { ServerProcess } from './serverProcess';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Until `stop()`, counter Q01 pushes fresh dossiers in small chunks on three lanes, resending a chunk until it is acknowledged, as its outbox does. */
export async function pushLoad(server: ServerProcess, credential: string) {
  const numbers: string[] = [];
  for (const date of ['260112', '260113', '260114']) {
    const lease = await call<LeaseResponse>(server.url, 'POST', '/v1/leases', credential, { requestId: randomUUID(), dossierDates: [date], blockSize: 500 });
    const block = lease.json.blocks[0]!;
    for (let n = block.first; n <= block.last; n++) numbers.push(dossierCode(n, date));
  }
  const sent: DossierEvent[] = [];
  const acked = new Set<string>();
  const answers: { status: number; body: unknown }[] = [];
  let stopping = false;
  const lane = async () => {
    while (!stopping) {
      const chunk: DossierEvent[] = [];
      for (let i = 0; i < 5; i++) {
        const r = received('Q01', numbers.shift()!);
        chunk.push(r, handedToCourier('Q01', r.dossierId));
      }
      sent.push(...chunk);
      for (;;) {
        const answer = await call<PushResponse | ApiErrorBody>(server.url, 'POST', '/v1/push', credential, { events: chunk }).catch((err: Error) => ({ status: 0, json: err.message }));
        answers.push({ status: answer.status, body: answer.json });
        if (answer.status === 200) break;
        if (answer.status === 0) throw new Error(`server unreachable: ${String(answer.json)}\n${server.output()}`);
        await sleep(50);
      }
      for (const e of chunk) acked.add(e.id);
      await sleep(20);
    }
  };
  let failure: Error | undefined;
  const lanes = Promise.all([lane(), lane(), lane()].map((l) => l.catch((err: Error) => void (failure ??= err))));
  const count = (refused: boolean) => answers.filter((a) => (a.status !== 200) === refused).length;
  const until = async (refused: boolean, more: number) => {
    const target = count(refused) + more;
    const deadline = Date.now() + 60_000;
    while (count(refused) < target) {
      if (failure) throw failure;
      if (Date.now() > deadline) throw new Error(`waited 60 s for ${more} more ${refused ? 'refused' : 'acknowledged'} pushes; last answer: ${JSON.stringify(answers.at(-1))}`);
      await sleep(20);
    }
  };
  return {
    sent,
    acked,
    answers,
    untilAcked: (more: number) => until(false, more),
    untilRefused: (more: number) => until(true, more),
    async stop() {
      stopping = true;
      await lanes;
      if (failure) throw failure;
    },
  };
}
