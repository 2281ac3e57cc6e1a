-- One server, many centers: the provincial Center and the commune centers of a province. A site of
-- 008 is a center: `site` in devices, enrolment codes and dossiers is the center's id. The center ''
-- is the one every existing counter and dossier is in; the server fills its agency code, name and
-- address from CENTER_AGENCY_CODE, CENTER_NAME and CENTER_ADDRESS at start, so a single-center
-- deployment sees no change.
CREATE TABLE centers (
  id TEXT PRIMARY KEY,
  -- QCVN 102:2016; NULL only for a site made before centers, whose counters issue the default center's codes.
  agency_code TEXT UNIQUE,
  name TEXT NOT NULL,
  address TEXT,
  level TEXT NOT NULL DEFAULT 'tinh' CHECK (level IN ('tinh', 'xa')),
  -- The province's letters of the agency code (H41); the parent is the provincial Center for a commune center.
  province TEXT NOT NULL DEFAULT '',
  parent_id TEXT REFERENCES centers(id),
  -- From the catalogue's sequence: counters receive the centers with the catalogue (kind 'center').
  version BIGINT NOT NULL DEFAULT nextval('catalogue_version_seq'),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO centers (id, name) VALUES ('', 'Trung tâm Phục vụ Hành chính công');
INSERT INTO centers (id, name, level)
  SELECT DISTINCT site, site, 'xa' FROM (SELECT site FROM devices UNION SELECT site FROM enrolment_codes UNION SELECT site FROM dossiers) s WHERE site <> '';
ALTER TABLE devices ADD CONSTRAINT devices_center_fk FOREIGN KEY (site) REFERENCES centers(id);
ALTER TABLE enrolment_codes ADD CONSTRAINT enrolment_codes_center_fk FOREIGN KEY (site) REFERENCES centers(id);
ALTER TABLE dossiers ADD CONSTRAINT dossiers_center_fk FOREIGN KEY (site) REFERENCES centers(id);
-- The other centers on a phi-địa-giới dossier's route (the center the applicant collects the result
-- at); their counters pull it too. Empty for a dossier that stays at its center.
ALTER TABLE dossiers ADD COLUMN route_centers TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX dossiers_route_centers_idx ON dossiers USING gin (route_centers) WHERE route_centers <> '{}';
-- An account belongs to a center; NULL: the province (a provincial administrator or supervisor sees and manages every center).
ALTER TABLE staff ADD COLUMN center_id TEXT REFERENCES centers(id);
-- A catalogue item for one center only (its receipt series in the setting `receive`, its procedure
-- scope in the setting `scope`, its calendar overrides); NULL: the whole province. A center's
-- setting is merged over the province's field by field, any other kind replaces it for that center.
ALTER TABLE catalogue_items ADD COLUMN center_id TEXT REFERENCES centers(id);
ALTER TABLE catalogue_items DROP CONSTRAINT catalogue_items_pkey;
CREATE UNIQUE INDEX catalogue_items_province_key ON catalogue_items (kind, key) WHERE center_id IS NULL;
CREATE UNIQUE INDEX catalogue_items_center_key ON catalogue_items (kind, key, center_id) WHERE center_id IS NOT NULL;
