// CLI: `npm run server` (or `npx tsx server/main.ts [--demo]`).
// PORT (8787), HOST (127.0.0.1), DATA_DIR (.data/server, PGlite), DATABASE_URL (postgres://… → PostgreSQL),
// CENTER_AGENCY_CODE, CENTER_NAME, INITIAL_ADMIN_USERNAME + INITIAL_ADMIN_PASSWORD (first administrator,
// created only while there is no staff account at all).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, DEFAULT_CENTER } from './app';
import { openDb } from './db';
import { migrate } from './migrate';
import { createStaff } from './routes/staff';
import { seedDemo } from './seed';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = resolve(process.env.DATA_DIR ?? '.data/server');
  if (!databaseUrl) mkdirSync(dataDir, { recursive: true });
  const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir });
  const applied = await migrate(db);
  const adminUser = process.env.INITIAL_ADMIN_USERNAME;
  const adminPassword = process.env.INITIAL_ADMIN_PASSWORD;
  if (adminUser && adminPassword) {
    const { rows } = await db.query('SELECT 1 FROM staff LIMIT 1');
    if (rows.length === 0) {
      await createStaff(db, { username: adminUser, fullName: 'Quản trị viên', roles: ['administrator', 'supervisor'], password: adminPassword });
      console.log(`Đã tạo tài khoản quản trị đầu tiên: ${adminUser}`);
    }
  }
  if (process.argv.includes('--demo')) {
    const csv = fileURLToPath(new URL('../assets/catalogue/catalogue-demo.csv', import.meta.url));
    const seeded = await seedDemo(db, csv);
    console.log(`Đã nạp dữ liệu mẫu: ${seeded.departments} cơ quan, ${seeded.procedures} thủ tục, ${seeded.staff} tài khoản mới.`);
  }
  const app = await buildApp({
    db,
    center: {
      agencyCode: process.env.CENTER_AGENCY_CODE ?? DEFAULT_CENTER.agencyCode,
      centerName: process.env.CENTER_NAME ?? DEFAULT_CENTER.centerName,
    },
  });
  const address = await app.listen({ port, host });
  console.log(`MotCua server listening on ${address} (${db.kind}${databaseUrl ? '' : ` in ${dataDir}`}; migrations applied: ${applied.join(',') || 'none'})`);
  // One machine-readable line for the start script and the end-to-end tests.
  console.log(JSON.stringify({ ready: true, url: address }));
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
