-- Number leases handed to counters ahead of time (see shared/sync/leases.ts for the fallback rule).
CREATE TABLE lease_counters (
  kind TEXT NOT NULL,
  scope TEXT NOT NULL,
  last_issued INTEGER NOT NULL,
  PRIMARY KEY (kind, scope)
);
CREATE TABLE leases (
  id BIGSERIAL PRIMARY KEY,
  request_id TEXT NOT NULL,
  device_id TEXT NOT NULL REFERENCES devices(id),
  kind TEXT NOT NULL CHECK (kind IN ('dossierSeq', 'receipt')),
  scope TEXT NOT NULL,
  first_number INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  issued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (kind, scope, first_number),
  UNIQUE (device_id, request_id, kind, scope)
);
CREATE INDEX leases_device_idx ON leases (device_id, kind, scope);

-- Every receipt number used, so a number issued twice is caught and flagged.
CREATE TABLE receipt_numbers (
  scope TEXT NOT NULL,
  number INTEGER NOT NULL,
  event_id UUID NOT NULL,
  dossier_id UUID NOT NULL,
  PRIMARY KEY (scope, number)
);
