-- Issue #14: a unit's implementing plan linked to the department plan it cites (the cascade), read by the unit roll-up.
-- The department plan is (tenant_id, plan_id); the unit's plan may be in the unit's own tenant (child_tenant_id).
CREATE TABLE plan_links (
  tenant_id        TEXT    NOT NULL,
  plan_id          TEXT    NOT NULL,
  unit_code        TEXT    NOT NULL,
  child_tenant_id  TEXT    NOT NULL,
  child_plan_id    TEXT    NOT NULL,
  child_number     TEXT    NULL,
  child_title      TEXT    NOT NULL,
  child_issued_on  TEXT    NULL,   -- yyyy-MM-dd
  child_uri        TEXT    NULL,
  linked_at        INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, plan_id, unit_code, child_tenant_id, child_plan_id)
) WITHOUT ROWID;
-- A school's plan: which department plans it implements.
CREATE INDEX ix_plan_links_child ON plan_links (child_tenant_id, child_plan_id);
-- The units running TeamsPlans in their own tenant (the cascade looks their department up by it).
CREATE INDEX ix_units_own_tenant ON units (own_tenant_id);
