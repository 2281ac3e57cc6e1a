// CLI: `npm run server` (or `npx tsx server/main.ts [--demo]`). Settings come from the environment
// through server/config.ts (listed in server/README.md); a bad one stops the start with its name.
// Logs are JSON lines on stderr: stdout carries the start-up lines and the ready line that the
// start script and the tests read.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADMIN_UI_PATH } from './adminUi';
import { buildApp } from './app';
import { CONFIG_EXIT_CODE, ConfigError, loadConfig, type ServerConfig } from './config';
import { DATA_DIR_LOCKED_EXIT_CODE, DataDirLockedError, lockDataDir } from './dataDirLock';
import { openDb } from './db';
import { migrate } from './migrate';
import { createStaff } from './routes/staff';
import { seedDemo } from './seed';

async function main(config: ServerConfig): Promise<void> {
  const { database } = config;
  if (database.kind === 'pglite') {
    mkdirSync(database.dataDir, { recursive: true });
    // Before the database is opened: a second server on this folder stops here (server/dataDirLock.ts).
    process.on('exit', lockDataDir(database.dataDir));
  }
  const db = await openDb(database.kind === 'postgres' ? { databaseUrl: database.url } : { dataDir: database.dataDir });
  const applied = await migrate(db);
  if (config.initialAdmin) {
    const { rows } = await db.query('SELECT 1 FROM staff LIMIT 1');
    if (rows.length === 0) {
      await createStaff(db, { username: config.initialAdmin.username, fullName: 'Quản trị viên', roles: ['administrator', 'supervisor'], password: config.initialAdmin.password });
      console.log(`Đã tạo tài khoản quản trị đầu tiên: ${config.initialAdmin.username}`);
    }
  }
  if (config.demo) {
    const csv = fileURLToPath(new URL('../assets/catalogue/catalogue-demo.csv', import.meta.url));
    const seeded = await seedDemo(db, csv);
    console.log(`Đã nạp dữ liệu mẫu: ${seeded.departments} cơ quan, ${seeded.procedures} thủ tục, ${seeded.staff} tài khoản mới.`);
  }
  const app = await buildApp({
    db,
    center: config.center,
    attachmentsDir: config.attachmentsDir,
    adminUiDir: config.adminUiDir,
    log: { level: config.logLevel, stream: process.stderr },
    notices: config.notices,
  });
  const channels = [config.notices.email && 'e-mail', config.notices.sms && 'SMS', config.notices.zalo && 'Zalo'].filter(Boolean);
  console.log(channels.length > 0 ? `Gửi thông báo cho người nộp qua: ${channels.join(', ')}.` : 'Chưa cấu hình kênh gửi thông báo cho người nộp (NOTICE_*): không có thông báo nào được gửi.');
  const address = await app.listen({ port: config.port, host: config.host });
  console.log(`Trang quản trị: ${address}${ADMIN_UI_PATH}`);
  console.log(`MotCua server listening on ${address} (${db.kind}${database.kind === 'pglite' ? ` in ${database.dataDir}` : ''}; migrations applied: ${applied.join(',') || 'none'})`);
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

let config: ServerConfig;
try {
  config = loadConfig(process.env, process.argv.slice(2));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(CONFIG_EXIT_CODE);
}
main(config).catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(DATA_DIR_LOCKED_EXIT_CODE);
  }
  console.error(err);
  process.exit(1);
});
