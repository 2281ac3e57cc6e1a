// The outbox side of notices, inside the push transaction: which rows a planned group of events
// makes (decided by shared/notices `noticeOf` on the reducer's own states) and the one set-based
// insert that writes them with the events. A dossier whose applicant opted out gets none.
import { normalizePhone } from '../../shared/codes/phone';
import type { Applicant } from '../../shared/domain';
import { noticeOf, type NoticeFacts, type NoticeKind, type NoticeSender } from '../../shared/notices/notices';
import type { NoticeConfig } from '../config';
import type { Queryable } from '../db';
import type { PlannedEvent } from '../pushPlan';

export interface NoticeRow {
  event_id: string;
  dossier_id: string;
  dossier_code: string;
  kind: NoticeKind;
  channel: NoticeSender;
  recipient: string;
  facts: NoticeFacts;
}

/** Which channels a notice of this kind goes by: those configured, Zalo only for a kind with a registered template. */
export type NoticeRoute = (kind: NoticeKind) => readonly NoticeSender[];

export function noticeRoute(config: Pick<NoticeConfig, 'email' | 'sms' | 'zalo'>): NoticeRoute {
  return (kind) => [...(config.email ? (['email'] as const) : []), ...(config.sms ? (['sms'] as const) : []), ...(config.zalo?.templates[kind] ? (['zalo'] as const) : [])];
}

const EMAIL_RE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The applicant's address on a channel, or undefined: e-mail as given, SMS and Zalo to a mobile number only. */
export function recipientOf(applicant: Applicant | undefined, channel: NoticeSender): string | undefined {
  if (!applicant) return undefined;
  if (channel === 'email') {
    const email = applicant.email?.trim();
    return email && EMAIL_RE.test(email) ? email : undefined;
  }
  if (!applicant.phone) return undefined;
  const phone = normalizePhone(applicant.phone);
  return phone.ok && phone.value.kind === 'mobile' ? phone.value.number : undefined;
}

/** One row per notice and channel the group's stored events make, in event order. */
export function noticeRows(events: readonly PlannedEvent[], route: NoticeRoute): NoticeRow[] {
  const rows: NoticeRow[] = [];
  for (const p of events) {
    if (!p.state) continue;
    const facts = noticeOf(p.from, p.event, p.state);
    if (!facts) continue;
    for (const channel of route(facts.kind)) {
      const recipient = recipientOf(p.state.applicant, channel);
      if (recipient === undefined) continue;
      rows.push({ event_id: p.event.id.toLowerCase(), dossier_id: p.event.dossierId.toLowerCase(), dossier_code: p.state.code!, kind: facts.kind, channel, recipient, facts });
    }
  }
  return rows;
}

/** One statement for the whole group; the (event, channel) key makes a row once whatever happens around it. */
export async function insertNotices(tx: Queryable, rows: readonly NoticeRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO notices (id, event_id, dossier_id, dossier_code, kind, channel, recipient, facts)
     SELECT gen_random_uuid(), (x->>'event_id')::uuid, (x->>'dossier_id')::uuid, x->>'dossier_code', x->>'kind', x->>'channel', x->>'recipient', x->'facts'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, ord)
     WHERE NOT EXISTS (SELECT 1 FROM notice_optouts o WHERE o.dossier_id = (x->>'dossier_id')::uuid)
     ORDER BY t.ord
     ON CONFLICT (event_id, channel) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
