// The other ends of the notice channels, real protocols on loopback: an SMTP server (smtp-server)
// that parses every message it accepts (mailparser), and an HTTP server standing for the SMS
// brandname gateway and Zalo's ZNS API that records every request and delivers a requestId /
// tracking_id it has already seen only once (what server/README.md asks of the SMS provider; for
// ZNS it stands for the best case, see "Notices"). Both can be told to hold their
// answer (a server killed meanwhile never learns the notice went) or to refuse the next requests.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  noticeId: string;
}

export interface SmtpReceiver {
  port: number;
  /** Every message accepted on the wire, repeats included. */
  accepted: ReceivedMail[];
  /** What a mailbox shows: one message per Message-ID and recipient (the way mail systems collapse a message sent again under the same id). */
  mailbox(): ReceivedMail[];
  /** Messages whose DATA arrived but whose answer is held (see `holdAnswers`). */
  held: number;
  /** Hold the answer to DATA for this long (the message is already recorded). */
  holdAnswers(ms: number): void;
  /** Answer the next n messages with this SMTP code (e.g. 451: try later; 550: no such mailbox) and do not record them. */
  refuseNext(n: number, code: number): void;
  /** Resolves once `accepted` has reached n. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A list that grows as things arrive, and a wait for it to reach a length. */
function recording<T>(): { list: T[]; add(item: T): void; waitFor(n: number, timeoutMs?: number): Promise<void> } {
  const list: T[] = [];
  const listeners: (() => void)[] = [];
  return {
    list,
    add(item) {
      list.push(item);
      for (const f of listeners) f();
    },
    waitFor: (n, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        if (list.length >= n) return resolve();
        const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${n}, have ${list.length}`)), timeoutMs);
        listeners.push(() => {
          if (list.length >= n) {
            clearTimeout(timer);
            resolve();
          }
        });
      }),
  };
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const accepted = recording<ReceivedMail>();
  let hold = 0;
  let refuse = { n: 0, code: 0 };
  const receiver: SmtpReceiver = {
    port: 0,
    accepted: accepted.list,
    held: 0,
    mailbox() {
      const seen = new Map<string, ReceivedMail>();
      for (const m of accepted.list) if (!seen.has(`${m.to}|${m.messageId}`)) seen.set(`${m.to}|${m.messageId}`, m);
      return [...seen.values()];
    },
    holdAnswers: (ms) => (hold = ms),
    refuseNext: (n, code) => (refuse = { n, code }),
    waitFor: accepted.waitFor,
    close: () => new Promise((r) => server.close(() => r())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      void simpleParser(stream).then(
        (mail) => {
          if (refuse.n > 0) {
            refuse.n--;
            const e = Object.assign(new Error(refuse.code >= 500 ? 'Hộp thư không tồn tại' : 'Tạm thời không nhận thư'), { responseCode: refuse.code });
            return callback(e);
          }
          for (const rcpt of session.envelope.rcptTo) {
            accepted.add({
              messageId: mail.messageId ?? '',
              to: rcpt.address,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              noticeId: String(mail.headers.get('x-motcua-notice') ?? ''),
            });
          }
          if (hold > 0) {
            receiver.held++;
            setTimeout(() => callback(), hold);
          } else callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  receiver.port = (server.server.address() as AddressInfo).port;
  return receiver;
}

export interface GatewayRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** The client's message id: requestId (SMS) or tracking_id (ZNS). */
  key: string;
}

export interface Gateway {
  url: string;
  /** Every request, repeats included. */
  requests: GatewayRequest[];
  /** What reached a phone: the first request of each key (the gateway sends a known key only once). */
  delivered(): GatewayRequest[];
  holdAnswers(ms: number): void;
  /** Answer the next n requests with this HTTP status (not delivered). */
  refuseNext(n: number, status: number): void;
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startGateway(): Promise<Gateway> {
  const requests = recording<GatewayRequest>();
  const sockets = new Set<Socket>();
  let hold = 0;
  let refuse = { n: 0, status: 0 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      if (refuse.n > 0) {
        refuse.n--;
        res.writeHead(refuse.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: -1, message: 'Cổng tạm thời không nhận' }));
        return;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      const key = String(body.requestId ?? body.tracking_id ?? '');
      const repeat = requests.list.some((r) => r.key === key);
      requests.add({ path: req.url ?? '', headers: req.headers, body, key });
      const answer = () =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 0, message: repeat ? 'Duplicate, not sent again' : 'Success', data: { msg_id: key } }));
      if (hold > 0) setTimeout(answer, hold);
      else answer();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: requests.list,
    delivered() {
      const seen = new Map<string, GatewayRequest>();
      for (const r of requests.list) if (!seen.has(r.key)) seen.set(r.key, r);
      return [...seen.values()];
    },
    holdAnswers: (ms) => (hold = ms),
    refuseNext: (n, status) => (refuse = { n, status }),
    waitFor: requests.waitFor,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
