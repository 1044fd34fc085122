-- Indexes of the status / my tasks / roll-up read models (IStatusReadModel, docs/performance.md).
-- The status page: plans not archived of a tenant, published first, latest update first.
CREATE INDEX ix_plans_status ON plans (tenant_id, status, updated_at, created_at);
-- Reports handed in per (assignment, period) and the latest hand-in per assignment, read from the index alone.
CREATE INDEX ix_reports_assignment_period ON reports (tenant_id, assignment_id, period, submitted_at);
-- A member's tasks in the order "my tasks" lists them (plan, ordinal) and, joined to reports, their latest hand-in.
CREATE INDEX ix_assignments_member_plan ON assignments (tenant_id, member_aad_object_id, plan_id, ordinal, assignment_id);
