// The Center's notice texts: a row of `notice_templates` per kind it edited, the Vietnamese default
// of shared/notices for the rest.
import { DEFAULT_NOTICE_TEMPLATES, NOTICE_KINDS, type NoticeKind, type NoticeTemplate } from '../../shared/notices/notices';
import { receiveText } from '../centerSetting';
import type { Queryable } from '../db';

export interface StoredTemplate extends NoticeTemplate {
  kind: NoticeKind;
  /** False while the kind uses the default text. */
  edited: boolean;
  updatedBy?: string;
  updatedAt?: string;
}

export async function loadTemplates(db: Queryable): Promise<Record<NoticeKind, StoredTemplate>> {
  const { rows } = await db.query<{ kind: NoticeKind; subject: string; body: string; sms: string; updated_by: string; updated_at: Date }>(
    'SELECT kind, subject, body, sms, updated_by, updated_at FROM notice_templates',
  );
  const edited = new Map(rows.map((r) => [r.kind, r]));
  return Object.fromEntries(
    NOTICE_KINDS.map((kind) => {
      const r = edited.get(kind);
      const t: StoredTemplate = r
        ? { kind, subject: r.subject, body: r.body, sms: r.sms, edited: true, updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString() }
        : { kind, ...DEFAULT_NOTICE_TEMPLATES[kind], edited: false };
      return [kind, t];
    }),
  ) as Record<NoticeKind, StoredTemplate>;
}

/** The status page's public address, as the counters print it in the slip's QR (catalogue setting `receive`). */
export async function statusPageUrl(db: Queryable): Promise<string | undefined> {
  return receiveText(db, 'statusPageUrl');
}
