-- Devices, enrolment, staff and sessions.
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  counter_id TEXT NOT NULL UNIQUE,
  counter_name TEXT NOT NULL,
  counter_index INTEGER NOT NULL UNIQUE,
  device_name TEXT NOT NULL,
  credential_hash TEXT NOT NULL UNIQUE,
  enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ
);

CREATE TABLE enrolment_codes (
  code_hash TEXT PRIMARY KEY,
  counter_id TEXT NOT NULL,
  counter_name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  device_id TEXT
);

CREATE SEQUENCE staff_version_seq;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  roles TEXT[] NOT NULL,
  password_hash TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT false,
  version BIGINT NOT NULL DEFAULT nextval('staff_version_seq')
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);
