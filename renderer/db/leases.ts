// Issuing dossier sequence and receipt numbers offline from leased blocks, then the counter's
// own fallback range (shared/sync/leases.ts explains why these can never collide).
import type { LeaseBlock, LeaseKind } from '../../shared/sync/protocol';
import { fallbackRange, nextNumber, remainingInScope } from '../../shared/sync/leases';
import type { MotCuaDb } from './schema';

export async function storeLeases(db: MotCuaDb, blocks: readonly LeaseBlock[]): Promise<void> {
  await db.transaction('rw', db.leases, async () => {
    for (const b of blocks) {
      const id = `${b.kind}|${b.scope}|${b.first}`;
      // A block already held keeps its progress: a retried lease request must not re-issue numbers.
      if (!(await db.leases.get(id))) await db.leases.put({ id, ...b, next: b.first });
    }
  });
}

/** Takes the next number for a scope; undefined when both leases and the fallback range are used up. */
export async function issueNumber(db: MotCuaDb, kind: LeaseKind, scope: string, counterIndex: number): Promise<{ number: number; from: 'lease' | 'fallback' } | undefined> {
  return db.transaction('rw', db.leases, async () => {
    const held = (await db.leases.where('[kind+scope]').equals([kind, scope]).toArray()).filter((l) => !l.id.startsWith('fallback|'));
    const fallbackId = `fallback|${kind}|${scope}`;
    const fallback = await db.leases.get(fallbackId);
    const used = fallback ? fallback.next - fallback.first : 0;
    const pick = nextNumber(held, kind, scope, counterIndex, used);
    if (!pick) return undefined;
    if (pick.from === 'lease') {
      await db.leases.update(pick.lease.id, { next: pick.number + 1 });
    } else {
      const range = fallbackRange(kind, counterIndex)!;
      await db.leases.put({ id: fallbackId, kind, scope, first: range.first, last: range.last, next: pick.number + 1 });
    }
    return { number: pick.number, from: pick.from };
  });
}

export async function remainingNumbers(db: MotCuaDb, kind: LeaseKind, scope: string): Promise<number> {
  const held = (await db.leases.where('[kind+scope]').equals([kind, scope]).toArray()).filter((l) => !l.id.startsWith('fallback|'));
  return remainingInScope(held, kind, scope);
}
