// A fake network between one counter and the in-process server: it can be down, drop a request,
// lose the answer after the server acted, deliver a request twice, and replay old requests late.
import type { FastifyInstance } from 'fastify';

export type Fault = 'dropRequest' | 'dropResponse' | 'duplicate';

interface Captured {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export class FakeNetwork {
  online = true;
  private faults: Fault[] = [];
  private readonly history: Captured[] = [];
  requests = 0;

  constructor(private readonly app: FastifyInstance) {}

  injectFault(f: Fault): void {
    this.faults.push(f);
  }

  heal(): void {
    this.online = true;
    this.faults = [];
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (!this.online) throw new TypeError('fetch failed: network is unreachable');
    const url = new URL(String(input));
    const req: Captured = {
      method: init?.method ?? 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    this.history.push(req);
    if (this.history.length > 50) this.history.shift();
    this.requests++;
    const fault = this.faults.shift();
    if (fault === 'dropRequest') throw new TypeError('fetch failed: connection reset');
    let res = await this.send(req);
    if (fault === 'duplicate') res = await this.send(req);
    if (fault === 'dropResponse') throw new TypeError('fetch failed: connection reset after send');
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': 'application/json', date: new Date().toUTCString() } });
  };

  /** Sends an old request again, late, out of order; its answer is lost. */
  async replay(pick: number): Promise<void> {
    if (this.history.length === 0) return;
    await this.send(this.history[pick % this.history.length]!);
  }

  private async send(req: Captured) {
    return this.app.inject({
      method: req.method as 'GET' | 'POST',
      url: req.url,
      headers: req.headers,
      ...(req.body === undefined ? {} : { payload: req.body }),
    });
  }
}
