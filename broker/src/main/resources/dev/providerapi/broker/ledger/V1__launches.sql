-- The launch ledger: one row per launch attempt, written before the create is sent and after it returns.
-- Plain SQL that SQLite and PostgreSQL both read; times are epoch milliseconds.
CREATE TABLE launches (
  client_token VARCHAR(128) NOT NULL,
  attempt      INTEGER      NOT NULL,
  provider     VARCHAR(64)  NOT NULL,
  offer_id     VARCHAR(512),
  request      TEXT         NOT NULL,
  state        VARCHAR(16)  NOT NULL,
  instance_id  VARCHAR(256),
  error        TEXT,
  created_at   BIGINT       NOT NULL,
  updated_at   BIGINT       NOT NULL,
  PRIMARY KEY (client_token, attempt)
);
CREATE INDEX launches_state ON launches (state);
CREATE INDEX launches_provider_token ON launches (provider, client_token);
