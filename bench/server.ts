// The real central server in process for a benchmark: migrated, one administrator, listening on
// loopback; and the HTTP calls a counter makes, used to enrol bench counters and push their events.
import { buildApp } from '../server/app';
import type { Db } from '../server/db';
import { migrate } from '../server/migrate';
import { createStaff } from '../server/routes/staff';
import type { EnrolResponse } from '../shared/sync/protocol';

export interface BenchServer {
  base: string;
  post<T>(path: string, body: unknown, token?: string): Promise<T>;
  /** A new counter enrolled through a one-time code, as an administrator issues it. */
  enrol(counterId: string, counterName?: string): Promise<EnrolResponse>;
  close(): Promise<void>;
}

export async function startBenchServer(db: Db): Promise<BenchServer> {
  await migrate(db);
  await createStaff(db, { username: 'bench', fullName: 'Đo hiệu năng', roles: ['administrator'], password: 'bench-password' });
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const { token } = await post<{ token: string }>('/v1/sessions', { username: 'bench', password: 'bench-password' });
  return {
    base,
    post,
    async enrol(counterId, counterName = `Quầy ${counterId}`) {
      const { code } = await post<{ code: string }>('/v1/admin/enrolment-codes', { counterId, counterName }, token);
      return post<EnrolResponse>('/v1/enrol', { code, deviceName: counterId });
    },
    close: () => app.close(),
  };
}
