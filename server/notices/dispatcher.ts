// Sends what the outbox holds, apart from the push path (it never takes the push lock). Each round
// claims the due notices by marking them 'sending' and committing, then sends each with its own id
// as the key the other side deduplicates on, then marks it 'sent'; a failure is retried with
// exponential backoff up to a cap, and after the last attempt (or a refusal that cannot pass) it is
// 'failed' for a supervisor (GET /v1/notices). A crash between the send and the mark leaves the row
// 'sending': after three send timeouts it is claimed again and sent again under the same id.
import { statusQrContent } from '../../shared/documents/qrContent';
import { fillNotice, NOTICE_SENDER_LABELS, renderSms, type NoticeFacts, type NoticeKind, type NoticeSender } from '../../shared/notices/notices';
import { DEFAULT_CENTER_ID } from '../centers';
import type { CenterConfig, NoticeConfig } from '../config';
import type { Db } from '../db';
import { channelsFrom, SendError, type Channels, type OutgoingNotice } from './channels';
import { OPT_OUT_SEGMENT } from './optOut';
import { loadTemplates, statusPageUrl } from './templates';

interface Claimed {
  id: string;
  seq: number;
  dossier_id: string;
  kind: NoticeKind;
  channel: NoticeSender;
  recipient: string;
  dossier_code: string;
  facts: NoticeFacts;
  attempts: number;
}

interface Place {
  name: string;
  address: string | null;
}

/** The centers other than the default one where the claimed notices' applicants collect, by agency code (the default center is the configured one, as before centers). */
async function collectionCenters(db: Db, rows: readonly Claimed[]): Promise<Map<string, Place>> {
  const codes = [...new Set(rows.flatMap((r) => (r.facts.collectAt ? [r.facts.collectAt] : [])))];
  if (codes.length === 0) return new Map();
  const found = await db.query<Place & { agency_code: string }>('SELECT agency_code, name, address FROM centers WHERE id <> $1 AND agency_code = ANY($2::text[]) ORDER BY id', [
    DEFAULT_CENTER_ID,
    codes,
  ]);
  return new Map(found.rows.map((r) => [r.agency_code, { name: r.name, address: r.address }]));
}

/** The log lines the dispatcher writes (pino's signature); never the recipient or a secret. */
export interface NoticeLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** How long the n-th failed attempt waits before the next: base · 2^(n−1), at most max. */
export function backoffMs(attempts: number, retry: NoticeConfig['retry']): number {
  return Math.min(retry.baseMs * 2 ** Math.max(attempts - 1, 0), retry.maxMs);
}

const BATCH = 20;

export class NoticeDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly config: NoticeConfig,
    private readonly center: CenterConfig,
    private readonly log: NoticeLog,
    private readonly channels: Channels = channelsFrom(config),
  ) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.runOnce().finally(tick), this.config.pollMs);
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round?.catch(() => undefined);
    this.channels.close();
  }

  /** One round: claim what is due, send it, mark it. Answers how many notices it handled. A round already running is joined. */
  runOnce(): Promise<number> {
    this.round ??= this.sendDue()
      .catch((err: unknown) => {
        // The database away: the notices stay as they were and the next round tries again.
        this.log.warn({ err: (err as Error).message }, 'notice dispatch round failed');
        return 0;
      })
      .finally(() => (this.round = undefined));
    return this.round;
  }

  private async sendDue(): Promise<number> {
    // Committed before anything is sent: a crash after the send leaves 'sending', never 'pending'.
    const { rows } = await this.db.query<Claimed>(
      `UPDATE notices SET state = 'sending', attempts = attempts + 1, claimed_at = now()
       WHERE id IN (
         SELECT id FROM notices n
         WHERE ((n.state = 'pending' AND n.next_at <= now()) OR (n.state = 'sending' AND n.claimed_at < now() - $2 * interval '1 millisecond'))
           AND NOT EXISTS (SELECT 1 FROM notice_optouts o WHERE o.dossier_id = n.dossier_id)
         ORDER BY n.next_at, n.seq LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id::text AS id, seq, dossier_id::text AS dossier_id, kind, channel, recipient, dossier_code, facts, attempts`,
      [BATCH, 3 * this.config.sendTimeoutMs],
    );
    if (rows.length === 0) return 0;
    const [templates, pageUrl, places] = await Promise.all([loadTemplates(this.db), statusPageUrl(this.db), collectionCenters(this.db, rows)]);
    // One dossier's notices on one channel one after the other, in the order they were made ("received" before "result ready"); the rest side by side.
    const lanes = new Map<string, Claimed[]>();
    for (const row of rows.sort((a, b) => Number(a.seq) - Number(b.seq))) {
      const key = `${row.dossier_id}|${row.channel}`;
      lanes.set(key, [...(lanes.get(key) ?? []), row]);
    }
    const sendOne = async (row: Claimed): Promise<void> => {
      const t = templates[row.kind];
      const vars = {
        ...row.facts.vars,
        ...this.place(places, row.facts.collectAt),
        diaChiTraCuu: statusQrContent(row.dossier_code, pageUrl, row.facts.statusSecret),
        // Without a public status page (or a secret) the applicant asks at a counter.
        diaChiNgungNhan: pageUrl && row.facts.statusSecret ? `${statusQrContent(row.dossier_code, pageUrl)}/${OPT_OUT_SEGMENT}?k=${row.facts.statusSecret}` : 'đề nghị tại quầy của Trung tâm',
      };
      const notice: OutgoingNotice = {
        id: row.id,
        kind: row.kind,
        recipient: row.recipient,
        subject: fillNotice(t.subject, vars),
        body: fillNotice(t.body, vars),
        sms: renderSms(t.sms, vars, this.config.sms?.unaccented ?? true),
        vars,
      };
      try {
        const send = this.channels.senders[row.channel];
        if (!send) throw new SendError(`Kênh ${NOTICE_SENDER_LABELS[row.channel]} không còn được cấu hình trên máy chủ.`, true);
        await send(notice);
      } catch (err) {
        await this.markFailed(row, err);
        return;
      }
      await this.db.query("UPDATE notices SET state = 'sent', sent_at = now(), last_error = NULL WHERE id = $1::uuid AND state = 'sending'", [row.id]);
    };
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (const row of lane) await sendOne(row);
      }),
    );
    return rows.length;
  }

  /** The center a notice names: where the applicant collects (a center of the province other than the default one), else the configured Center. */
  private place(places: ReadonlyMap<string, Place>, collectAt: string | undefined): { tenTrungTam: string; diaChiNhan: string } {
    const at = collectAt === undefined ? undefined : places.get(collectAt);
    if (at) return { tenTrungTam: at.name, diaChiNhan: at.address ?? at.name };
    return { tenTrungTam: this.center.centerName, diaChiNhan: this.center.address ?? this.center.centerName };
  }

  private async markFailed(row: Claimed, err: unknown): Promise<void> {
    const message = err instanceof SendError ? err.message : `Lỗi khi gửi: ${(err as Error).message}`;
    const final = (err instanceof SendError && err.permanent) || row.attempts >= this.config.retry.maxAttempts;
    const wait = backoffMs(row.attempts, this.config.retry);
    await this.db.query(`UPDATE notices SET state = $2, next_at = now() + $3 * interval '1 millisecond', last_error = $4, claimed_at = NULL WHERE id = $1::uuid AND state = 'sending'`, [
      row.id,
      final ? 'failed' : 'pending',
      wait,
      message,
    ]);
    const line = { noticeId: row.id, channel: row.channel, kind: row.kind, dossierCode: row.dossier_code, attempts: row.attempts, err: message };
    if (final) this.log.error(line, 'notice failed for good');
    else this.log.warn({ ...line, retryInMs: wait }, 'notice send failed, will retry');
  }
}
