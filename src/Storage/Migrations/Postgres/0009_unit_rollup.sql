-- Issue #14: a unit's implementing plan linked to the department plan it cites (the cascade), read by the unit roll-up.
-- The department plan is (tenant_id, plan_id); the unit's plan may be in the unit's own tenant (child_tenant_id).
CREATE TABLE IF NOT EXISTS plan_links (
  tenant_id        text        NOT NULL,
  plan_id          text        NOT NULL,
  unit_code        text        NOT NULL,
  child_tenant_id  text        NOT NULL,
  child_plan_id    text        NOT NULL,
  child_number     text        NULL,
  child_title      text        NOT NULL,
  child_issued_on  text        NULL,   -- yyyy-MM-dd
  child_uri        text        NULL,
  linked_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, plan_id, unit_code, child_tenant_id, child_plan_id)
);
-- A school's plan: which department plans it implements.
CREATE INDEX IF NOT EXISTS ix_plan_links_child ON plan_links (child_tenant_id, child_plan_id);
-- The units running TeamsPlans in their own tenant (the cascade looks their department up by it).
CREATE INDEX IF NOT EXISTS ix_units_own_tenant ON units (own_tenant_id);
