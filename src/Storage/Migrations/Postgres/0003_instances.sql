-- Bot instances of the deployment (heartbeats; deployment-level, not tenant data) and throttling pauses per tenant shared
-- between them, so several instances split Teams' per-tenant rate and all slow down on a 429.
CREATE TABLE IF NOT EXISTS instances (
  instance_id   text        NOT NULL PRIMARY KEY,
  started_at    timestamptz NOT NULL,
  heartbeat_at  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS tenant_pauses (
  tenant_id     text        NOT NULL PRIMARY KEY,
  paused_until  timestamptz NOT NULL
);
