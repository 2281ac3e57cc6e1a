-- The return desk looks up dossiers its counter has pruned (retention rule) by the applicant's ID
-- number or phone, as well as by code (dossiers_code_idx): expression indexes over the projection.
CREATE INDEX dossiers_applicant_id_idx ON dossiers ((state->'applicant'->>'idNumber'));
CREATE INDEX dossiers_applicant_phone_idx ON dossiers ((state->'applicant'->>'phone'));
