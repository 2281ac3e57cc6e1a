-- The event log (the truth), the dossier projection, conflicts, register numbers.
CREATE TABLE events (
  seq BIGSERIAL PRIMARY KEY,
  id UUID NOT NULL UNIQUE,
  dossier_id UUID NOT NULL,
  type TEXT NOT NULL,
  body JSONB NOT NULL,
  device_id TEXT NOT NULL REFERENCES devices(id),
  counter_id TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  conflict JSONB
);
CREATE INDEX events_dossier_idx ON events (dossier_id, seq);

CREATE TABLE dossiers (
  id UUID PRIMARY KEY,
  code TEXT,
  status TEXT NOT NULL,
  state JSONB NOT NULL,
  last_seq BIGINT NOT NULL,
  register_year INTEGER,
  register_number INTEGER,
  open_conflicts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dossiers_code_idx ON dossiers (code);
CREATE INDEX dossiers_last_seq_idx ON dossiers (last_seq);

CREATE TABLE conflicts (
  event_id UUID PRIMARY KEY REFERENCES events(id),
  dossier_id UUID NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  resolved_by TEXT,
  resolved_at TIMESTAMPTZ,
  resolution_note TEXT
);
CREATE INDEX conflicts_open_idx ON conflicts (resolved_at, created_at);

-- Form 06 numbering runs continuously per calendar year for the whole Center.
CREATE TABLE register_counters (
  year INTEGER PRIMARY KEY,
  last_number INTEGER NOT NULL
);
CREATE TABLE register_numbers (
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  dossier_id UUID NOT NULL UNIQUE,
  event_id UUID NOT NULL,
  PRIMARY KEY (year, number)
);
