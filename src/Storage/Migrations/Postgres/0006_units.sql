-- The unit directory of a tenant (issue #14): Sở, its phòng, Phòng GD&ĐT, schools, centres, subject groups, unions.
-- code is the normalized mã đơn vị (trimmed, no spaces, upper case). A rename or a re-parenting appends the previous
-- name / parent / kind to unit_history, so history is never lost (mergers of 2025).
CREATE TABLE IF NOT EXISTS units (
  tenant_id        text        NOT NULL,
  code             text        NOT NULL,
  name             text        NOT NULL,
  name_folded      text        NOT NULL,
  kind             text        NOT NULL,
  parent_code      text        NULL,
  head_aad_object_id text      NULL,
  head_upn         text        NULL,
  contacts_json    text        NOT NULL,
  group_id         text        NULL,
  own_tenant_id    text        NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, code)
);

CREATE INDEX IF NOT EXISTS ix_units_parent ON units (tenant_id, parent_code, kind);
CREATE INDEX IF NOT EXISTS ix_units_head ON units (tenant_id, head_aad_object_id);

CREATE TABLE IF NOT EXISTS unit_history (
  tenant_id        text        NOT NULL,
  code             text        NOT NULL,
  seq              integer     NOT NULL,
  name             text        NOT NULL,
  kind             text        NOT NULL,
  parent_code      text        NULL,
  valid_until      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, code, seq)
);
