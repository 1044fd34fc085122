-- Indexes of the status / my tasks / roll-up read models (IStatusReadModel, docs/performance.md).
-- The status page: plans not archived of a tenant, published first, latest update first.
CREATE INDEX ix_plans_status ON plans (tenant_id, status, updated_at);
-- Reports handed in per (assignment, period) and the latest hand-in per assignment, read from the index alone.
CREATE INDEX ix_reports_assignment_period ON reports (tenant_id, assignment_id, period, submitted_at);
