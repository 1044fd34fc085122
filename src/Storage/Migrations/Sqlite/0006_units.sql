-- The unit directory of a tenant (issue #14): Sở, its phòng, Phòng GD&ĐT, schools, centres, subject groups, unions.
-- code is the normalized mã đơn vị (trimmed, no spaces, upper case). A rename or a re-parenting appends the previous
-- name / parent / kind to unit_history, so history is never lost (mergers of 2025).
CREATE TABLE units (
  tenant_id        TEXT    NOT NULL,
  code             TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  name_folded      TEXT    NOT NULL,
  kind             TEXT    NOT NULL,
  parent_code      TEXT    NULL,
  head_aad_object_id TEXT  NULL,
  head_upn         TEXT    NULL,
  contacts_json    TEXT    NOT NULL,
  group_id         TEXT    NULL,
  own_tenant_id    TEXT    NULL,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, code)
) WITHOUT ROWID;

CREATE INDEX ix_units_parent ON units (tenant_id, parent_code, kind);
CREATE INDEX ix_units_head ON units (tenant_id, head_aad_object_id);

CREATE TABLE unit_history (
  tenant_id        TEXT    NOT NULL,
  code             TEXT    NOT NULL,
  seq              INTEGER NOT NULL,
  name             TEXT    NOT NULL,
  kind             TEXT    NOT NULL,
  parent_code      TEXT    NULL,
  valid_until      INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, code, seq)
) WITHOUT ROWID;
