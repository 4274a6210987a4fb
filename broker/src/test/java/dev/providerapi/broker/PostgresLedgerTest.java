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

  @Test
  void manyReplicasCreatingAFreshSchemaAtOnceNeverRaceInsidePostgres() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int round = 0; round < 8; round++) {
        String fresh = TestServers.freshSchema("ledger_race_" + ProcessHandle.current().pid() + "_"
            + SCHEMAS.incrementAndGet());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<JdbcLaunchLedger>> opened = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          opened.add(pool.submit(() -> {
            start.await();
            return JdbcLaunchLedger.open(fresh, TestServers.pgProperties());
          }));
        }
        start.countDown();
        for (Future<JdbcLaunchLedger> f : opened) {
          assertThat(f.get().schemaVersion()).as("round %d", round).isEqualTo(1);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theMigrationLockIsReleasedOnceTheLedgerIsOpen() throws Exception {
    ledger();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, TestServers.pgProperties());
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + JdbcLaunchLedger.MIGRATION_LOCK + ")")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("another session can take the migration lock").isTrue();
    }
  }
}
