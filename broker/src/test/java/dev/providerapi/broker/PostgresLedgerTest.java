package dev.providerapi.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The same ledger contract on a real PostgreSQL server (.ci/services.sh), plus what replicas need. */
class PostgresLedgerTest extends LedgerContract {
  static final AtomicInteger SCHEMAS = new AtomicInteger();
  String url;

  @BeforeEach
  void schema(TestInfo info) throws SQLException {
    TestServers.assumePostgres();
    url = TestServers.freshSchema("ledger_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet());
  }

  @Override
  JdbcLaunchLedger ledger() {
    return JdbcLaunchLedger.open(url, TestServers.pgProperties());
  }

  @Test
  void replicasOpeningAtOnceApplyEachMigrationOnceAndShareRows() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<JdbcLaunchLedger>> opened = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        opened.add(pool.submit(this::ledger));
      }
      List<JdbcLaunchLedger> replicas = new ArrayList<>();
      for (Future<JdbcLaunchLedger> f : opened) {
        replicas.add(f.get());
      }
      replicas.get(0).pending(pending("pa-shared", 1, "lambda", Instant.parse("2026-01-02T03:04:05Z")));
      replicas.get(3).resolve("pa-shared", 1, LaunchState.CREATED, "i-1", null);
      for (JdbcLaunchLedger r : replicas) {
        assertThat(r.schemaVersion()).isEqualTo(1);
        assertThat(r.find("pa-shared")).singleElement().extracting(LaunchRecord::instanceId).isEqualTo("i-1");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
