-- The administration section (issue 18). Every change an administrator makes (staff, counters, the
-- catalogue and settings) is one row: who, when, from where, what it was and what it became.
CREATE TABLE admin_changes (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  staff_id TEXT NOT NULL,
  staff_username TEXT NOT NULL,
  from_address TEXT NOT NULL,
  action TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_key TEXT NOT NULL,
  before JSONB,
  after JSONB
);
CREATE INDEX admin_changes_at_idx ON admin_changes (at);
CREATE INDEX admin_changes_target_idx ON admin_changes (target_kind, target_key, at);

-- Every sign-in attempt that reached the password check: the name typed, whether it was accepted,
-- from which address and, from a counter, which counter.
CREATE TABLE sign_ins (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  username TEXT NOT NULL,
  staff_id TEXT,
  success BOOLEAN NOT NULL,
  from_address TEXT NOT NULL,
  counter_id TEXT,
  user_agent TEXT
);
CREATE INDEX sign_ins_at_idx ON sign_ins (at);

-- A password set by an administrator (a new account, a reset) is temporary: the officer sets their
-- own at the next sign-in, online; a counter refuses it offline until then.
ALTER TABLE staff ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false;

-- What each counter last reported with its pulls: the administrator's list of counters.
ALTER TABLE devices ADD COLUMN last_seen_at TIMESTAMPTZ;
ALTER TABLE devices ADD COLUMN app_version TEXT;
ALTER TABLE devices ADD COLUMN printer_status TEXT;
ALTER TABLE devices ADD COLUMN pending_outbox INTEGER;
