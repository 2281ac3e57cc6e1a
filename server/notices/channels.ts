// The three ways a notice leaves the server, each carrying the notice's own id as the one key the
// other side can deduplicate on: the e-mail's Message-ID, the SMS gateway's requestId, ZNS's
// tracking_id. A send that fails says in Vietnamese why (never with a secret) and whether trying
// again can help.
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { NOTICE_KIND_LABELS, type NoticeKind, type NoticeSender, type NoticeVars } from '../../shared/notices/notices';
import type { NoticeConfig } from '../config';

/** A notice ready to go: the texts already filled in. */
export interface OutgoingNotice {
  id: string;
  kind: NoticeKind;
  recipient: string;
  subject: string;
  body: string;
  sms: string;
  vars: NoticeVars;
}

export class SendError extends Error {
  /** The other side refused the notice itself (a bad address, a template the gateway does not know): trying again cannot help. */
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

export type ChannelSend = (n: OutgoingNotice) => Promise<void>;

/** The e-mail's Message-ID: the same for every attempt of one notice, so a receiving system sees one message. */
export function noticeMessageId(id: string, from: string): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'motcua.local';
  return `<thong-bao-${id}@${domain}>`;
}

function emailSender(config: NonNullable<NoticeConfig['email']>, timeoutMs: number): { send: ChannelSend; close(): void } {
  const transport: Transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.user !== undefined ? { auth: { user: config.user, pass: config.password } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(n) {
      try {
        await transport.sendMail({
          from: config.from,
          to: n.recipient,
          subject: n.subject,
          text: n.body,
          messageId: noticeMessageId(n.id, config.from),
          headers: { 'X-MotCua-Notice': n.id },
        });
      } catch (err) {
        const e = err as { responseCode?: number; code?: string; response?: string };
        if (e.responseCode !== undefined) {
          // 5xx: the server refused for good (a mailbox that does not exist); 4xx: try later.
          const permanent = e.responseCode >= 500 && e.responseCode !== 530 && e.responseCode !== 535;
          const said = (e.response ?? '').replace(/^\d{3}[ -](\d\.\d\.\d+ )?/, '').slice(0, 200);
          throw new SendError(`Máy chủ thư ${permanent ? 'từ chối' : 'tạm thời chưa nhận'} (mã ${e.responseCode}): ${said}`, permanent);
        }
        throw new SendError(`Không gửi được thư qua máy chủ ${config.host}:${config.port} (${e.code ?? (err as Error).message}).`);
      }
    },
    close: () => transport.close(),
  };
}

/** What the gateway said, for the supervisor: its JSON `message` when it sent one, else the start of its answer. */
function gatewaySays(text: string): string {
  let said = text;
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof m === 'string') said = m;
  } catch {
    // Not JSON: the text as it came.
  }
  said = said.trim().slice(0, 200);
  return said ? `: ${said}` : '.';
}

async function postJson(url: string, headers: Record<string, string>, body: unknown, timeoutMs: number, what: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new SendError(`Không kết nối được ${what} (${cause}).`);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    // 4xx but a timeout or a rate limit: the gateway refused this notice; a 5xx may pass later.
    const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
    throw new SendError(`${what} ${permanent ? 'từ chối' : 'đang lỗi'} (HTTP ${res.status})${gatewaySays(text)}`, permanent);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * SMS brandname over HTTP: `POST NOTICE_SMS_URL` with `Authorization: Bearer <key>` and
 * `{ requestId, brandname, phone, message, unicode }`; any 2xx is accepted. The gateway (or an adapter
 * in front of it) must send a requestId it has seen only once: that is what makes a resend after a crash harmless.
 */
function smsSender(config: NonNullable<NoticeConfig['sms']>, timeoutMs: number): ChannelSend {
  return async (n) => {
    await postJson(
      config.url,
      config.apiKey !== undefined ? { authorization: `Bearer ${config.apiKey}` } : {},
      { requestId: n.id, brandname: config.brandname, phone: n.recipient, message: n.sms, unicode: !config.unaccented },
      timeoutMs,
      'Cổng SMS',
    );
  };
}

/** The phone in international form without '+', as ZNS wants it: 0912345678 → 84912345678. */
export function znsPhone(domestic: string): string {
  return `84${domestic.slice(1)}`;
}

/**
 * Zalo OA template message (ZNS): `POST` with header `access_token`, body `{ phone, template_id,
 * template_data, tracking_id }`; the answer `{ error: 0 }` is success, any other error code a failure.
 */
function zaloSender(config: NonNullable<NoticeConfig['zalo']>, timeoutMs: number): ChannelSend {
  return async (n) => {
    const templateId = config.templates[n.kind];
    if (!templateId) throw new SendError(`Chưa có mẫu ZNS cho thông báo «${NOTICE_KIND_LABELS[n.kind]}» (NOTICE_ZALO_TEMPLATES).`, true);
    const answer = (await postJson(
      config.url,
      { access_token: config.accessToken },
      { phone: znsPhone(n.recipient), template_id: templateId, template_data: n.vars, tracking_id: n.id },
      timeoutMs,
      'Zalo OA',
    )) as { error?: number; message?: string } | null;
    if (!answer || answer.error !== 0) {
      const code = answer?.error;
      // ZNS answers its own negative codes; which of them can never pass is not relied on here: each is retried up to the cap, then failed for a supervisor.
      throw new SendError(`Zalo OA báo lỗi (mã ${code ?? 'không rõ'})${gatewaySays(JSON.stringify(answer ?? {}))}`);
    }
  };
}

export interface Channels {
  senders: Partial<Record<NoticeSender, ChannelSend>>;
  close(): void;
}

export function channelsFrom(config: NoticeConfig): Channels {
  const email = config.email ? emailSender(config.email, config.sendTimeoutMs) : undefined;
  return {
    senders: {
      ...(email ? { email: email.send } : {}),
      ...(config.sms ? { sms: smsSender(config.sms, config.sendTimeoutMs) } : {}),
      ...(config.zalo ? { zalo: zaloSender(config.zalo, config.sendTimeoutMs) } : {}),
    },
    close: () => email?.close(),
  };
}
