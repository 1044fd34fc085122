-- Queue reads by key prefix (IQueueTallyStore: the status card's delivery tally, resend, a plan's deliveries) compare
-- idempotency_key in the "C" collation, so that a prefix is a range in code-point order whatever the database's
-- collation. The unique key of 0001 was in the database collation (C.UTF-8 / en_US.UTF-8) and could not serve such a
-- range; with both indexes present and no statistics yet (right after a bulk load) the planner sometimes took the old
-- one and filtered the tenant's whole queue once per range (resend of 800 plans: 3-4 s). The key is now unique in "C":
-- equality is the same in both (deterministic collations), so uniqueness and ON CONFLICT (tenant_id, queue,
-- idempotency_key) are unchanged, and there is one key index.
ALTER TABLE work_items DROP CONSTRAINT ux_work_items_key;
CREATE UNIQUE INDEX ux_work_items_key ON work_items (tenant_id, queue, idempotency_key COLLATE "C");
