-- One server may carry a province: the provincial Center and the one-stop shops of its districts,
-- each a site with its own counters. A counter pulls the dossiers received at its own site; the
-- rest it looks up on demand. Counters enrolled without a site share the site '' (one Center).
ALTER TABLE enrolment_codes ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN site TEXT NOT NULL DEFAULT '';
-- The site of the counter whose event first stored the dossier; it never changes.
ALTER TABLE dossiers ADD COLUMN site TEXT NOT NULL DEFAULT '';
CREATE INDEX dossiers_site_seq_idx ON dossiers (site, last_seq);
