// Pull: the snapshots of the counter's site's dossiers changed after its cursor, in last_seq order.
// Every counter of a site (a Center's ~50) pulls the same recent changes, so a snapshot is serialised
// once and its JSON text kept (SnapshotCache), keyed by dossier and last_seq: every write of a
// dossier gives it a new last_seq from the one event sequence (push, conflict resolution), so the
// text for one (id, last_seq) never changes, whichever server wrote it. A pull asks the database only
// which dossiers changed (ids and last_seq, from dossiers_site_seq_idx), takes their text from the
// cache (filled by the push committer as it commits, server/push.ts), reads the few it lacks, and
// writes the answer as text: no jsonb decoding, no JSON.parse and no JSON.stringify per snapshot.
// An idle counter's pull may wait for the next change of its site (long poll, PullWaiters).
import type { DossierSnapshot } from '../shared/sync/protocol';
import type { Queryable } from './db';
import { SNAPSHOT_COLUMNS, toSnapshot, type SnapshotRow } from './snapshots';

/** What a snapshot not yet encoded is counted as, until its first pull encodes it. */
const UNENCODED_BYTES = 1024;

/**
 * The JSON text (UTF-8) of recent snapshots by dossier, with the last_seq it is the text of; the oldest
 * written go first past `maxBytes`. A snapshot the committer puts is encoded at its first pull, not
 * on the push's path (a bulk push of 500 events may write 500 snapshots no one pulls soon).
 */
export class SnapshotCache {
  private readonly byId = new Map<string, { seq: number; snapshot?: DossierSnapshot; json?: Buffer }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /** The snapshot's text if the cache holds dossier `id` exactly as of `seq`. */
  get(id: string, seq: number): Buffer | undefined {
    const hit = this.byId.get(id);
    if (!hit || hit.seq !== seq) return undefined;
    if (!hit.json) {
      // Encoded once, so an answer is copied together from bytes (no UTF-8 encoding per pull); a
      // buffer of its own, not a slice of Node's shared pool, which one kept slice would keep whole.
      const text = JSON.stringify(hit.snapshot);
      hit.json = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
      hit.json.write(text);
      hit.snapshot = undefined;
      this.bytes += hit.json.length - UNENCODED_BYTES;
    }
    return hit.json;
  }

  /** Keeps a snapshot just committed or read; an older one than the cache holds is ignored. */
  put(snapshot: DossierSnapshot): void {
    const held = this.byId.get(snapshot.id);
    if (held) {
      if (held.seq >= snapshot.lastSeq) return;
      this.byId.delete(snapshot.id);
      this.bytes -= held.json?.length ?? UNENCODED_BYTES;
    }
    this.byId.set(snapshot.id, { seq: snapshot.lastSeq, snapshot });
    this.bytes += UNENCODED_BYTES;
    for (const [id, old] of this.byId) {
      if (this.bytes <= this.maxBytes) break;
      this.byId.delete(id);
      this.bytes -= old.json?.length ?? UNENCODED_BYTES;
    }
  }

  get size(): number {
    return this.byId.size;
  }
}

export interface PullPage {
  /** Each snapshot's JSON text, in last_seq order. */
  snapshots: Buffer[];
  next: number;
  more: boolean;
}

/** One page of the dossiers changed after `after` of the center `site` and of those on whose route it is, as the database has them now. */
export async function pullPage(db: Queryable, cache: SnapshotCache, site: string, after: number, limit: number): Promise<PullPage> {
  const { rows } = await db.query<{ id: string; last_seq: number }>(
    `SELECT * FROM (
       (SELECT id::text AS id, last_seq FROM dossiers WHERE site = $3 AND last_seq > $1 ORDER BY last_seq LIMIT $2)
       UNION ALL
       (SELECT id::text AS id, last_seq FROM dossiers WHERE route_centers <> '{}' AND route_centers @> ARRAY[$3::text] AND site <> $3 AND last_seq > $1 ORDER BY last_seq LIMIT $2)
     ) scoped ORDER BY last_seq LIMIT $2`,
    [after, limit + 1, site],
  );
  const listed = rows.slice(0, limit).map((r) => ({ id: r.id, seq: Number(r.last_seq) }));
  let more = rows.length > limit;
  const missing = listed.filter((r) => cache.get(r.id, r.seq) === undefined).map((r) => r.id);
  if (missing.length > 0) {
    const read = await db.query<SnapshotRow>(`SELECT ${SNAPSHOT_COLUMNS} FROM dossiers WHERE id = ANY($1::uuid[])`, [missing]);
    for (const row of read.rows) cache.put(toSnapshot(row));
  }
  const snapshots: Buffer[] = [];
  for (const r of listed) {
    const json = cache.get(r.id, r.seq);
    // Changed since it was listed: it has moved past this page. The page ends before it (a prefix of
    // what was listed, so the cursor skips nothing) and the next pull finds it at its new place.
    if (json === undefined) {
      more = true;
      break;
    }
    snapshots.push(json);
  }
  const next = snapshots.length > 0 ? listed[snapshots.length - 1]!.seq : after;
  return { snapshots, next, more };
}

const COMMA = Buffer.from(',');
const TAIL = Buffer.from(']}');

/** The pull's answer (PullResponse) as UTF-8 JSON around the snapshots' own bytes; the short fields first. */
export function pullBody(page: PullPage, extra: { catalogueVersion: number }): Buffer {
  const head = Buffer.from(`{"next":${page.next},"more":${page.more},"catalogueVersion":${extra.catalogueVersion},"serverTime":"${new Date().toISOString()}","dossiers":[`);
  const parts: Buffer[] = [head];
  page.snapshots.forEach((s, i) => (i > 0 ? parts.push(COMMA, s) : parts.push(s)));
  parts.push(TAIL);
  return Buffer.concat(parts);
}

/**
 * Pulls that found nothing new and may wait for the next change of their site (long poll). The push
 * committer wakes a site's waiters when it commits one of its dossiers; a conflict resolution wakes
 * every site. A change written by another server process wakes nobody here: the wait ends at its
 * timeout and the counter pulls it then.
 */
export class PullWaiters {
  private readonly bySite = new Map<string, Set<() => void>>();
  /** The server is stopping: no pull waits any more. */
  closing = false;

  /** Resolves at the site's next change, at `ms`, or when `cancelled` fires (the counter went away). */
  wait(site: string, ms: number, cancelled: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (cancelled.aborted || this.closing) return resolve();
      let set = this.bySite.get(site);
      if (!set) this.bySite.set(site, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        cancelled.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0 && this.bySite.get(site) === set) this.bySite.delete(site);
        resolve();
      };
      const timer = setTimeout(done, ms);
      cancelled.addEventListener('abort', done);
      set.add(done);
    });
  }

  /** Wakes the waiters of these sites, or of every site. */
  changed(sites: Iterable<string> | 'all'): void {
    const sets = sites === 'all' ? [...this.bySite.values()] : [...new Set(sites)].flatMap((s) => this.bySite.get(s) ?? []);
    for (const set of sets) for (const done of [...set]) done();
  }

  /** The server stops: every wait ends now and none begins. */
  close(): void {
    this.closing = true;
    this.changed('all');
  }

  get waiting(): number {
    let n = 0;
    for (const set of this.bySite.values()) n += set.size;
    return n;
  }
}
