package dev.providerapi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every ledger does, run against SQLite and PostgreSQL. */
abstract class LedgerContract {

  /** A fresh, empty ledger. */
  abstract JdbcLaunchLedger ledger();

  static LaunchRecord pending(String token, int attempt, String provider, Instant at) {
    return new LaunchRecord(token, attempt, provider, "offer-" + attempt, "{\"gpu\":\"H100\"}", LaunchState.PENDING,
        null, null, at, at);
  }

  @Test
  void pendingThenResolvedIsReadBack() {
    JdbcLaunchLedger ledger = ledger();
    Instant t0 = Instant.parse("2026-01-02T03:04:05.678Z");
    ledger.pending(pending("pa-1", 1, "lambda", t0));
    ledger.pending(pending("pa-1", 2, "vast", t0.plusSeconds(1)));
    ledger.resolve("pa-1", 1, LaunchState.FAILED, null, "no capacity");
    ledger.resolve("pa-1", 2, LaunchState.CREATED, "i-9", null);

    List<LaunchRecord> records = ledger.find("pa-1");
    assertThat(records).hasSize(2);
    assertThat(records.get(0)).satisfies(r -> {
      assertThat(r.provider()).isEqualTo("lambda");
      assertThat(r.offerId()).isEqualTo("offer-1");
      assertThat(r.request()).isEqualTo("{\"gpu\":\"H100\"}");
      assertThat(r.state()).isEqualTo(LaunchState.FAILED);
      assertThat(r.instanceId()).isNull();
      assertThat(r.error()).isEqualTo("no capacity");
      assertThat(r.createdAt()).isEqualTo(t0);
      assertThat(r.updatedAt()).isAfter(t0);
    });
    assertThat(records.get(1).state()).isEqualTo(LaunchState.CREATED);
    assertThat(records.get(1).instanceId()).isEqualTo("i-9");
    assertThat(ledger.find("pa-2")).isEmpty();
    assertThat(ledger.schemaVersion()).isEqualTo(JdbcLaunchLedger.MIGRATIONS.size());
  }

  @Test
  void aTokenAndAttemptIsWrittenOnceAndOnlyRecordedAttemptsResolve() {
    JdbcLaunchLedger ledger = ledger();
    Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
    ledger.pending(pending("pa-dup", 1, "lambda", t0));
    assertThatThrownBy(() -> ledger.pending(pending("pa-dup", 1, "vast", t0)))
        .isInstanceOf(LedgerException.class).hasMessageStartingWith("cannot record launch pa-dup attempt 1 in ");
    assertThatThrownBy(() -> ledger.resolve("pa-none", 1, LaunchState.CREATED, "i", null))
        .isInstanceOf(LedgerException.class).hasMessageStartingWith("launch pa-none attempt 1 is not in ");
  }

  @Test
  void inStateFiltersAndOrdersByCreation() {
    JdbcLaunchLedger ledger = ledger();
    Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
    ledger.pending(pending("pa-b", 1, "lambda", t0.plusSeconds(5)));
    ledger.pending(pending("pa-a", 1, "lambda", t0));
    ledger.pending(pending("pa-c", 1, "vast", t0.plusSeconds(9)));
    ledger.resolve("pa-c", 1, LaunchState.UNKNOWN, null, "timeout");
    ledger.pending(pending("pa-d", 1, "vast", t0.plusSeconds(10)));
    ledger.resolve("pa-d", 1, LaunchState.CREATED, "i-d", null);

    assertThat(ledger.inState(LaunchState.PENDING, LaunchState.UNKNOWN)).extracting(LaunchRecord::clientToken)
        .containsExactly("pa-a", "pa-b", "pa-c");
    assertThat(ledger.inState(LaunchState.CREATED)).extracting(LaunchRecord::instanceId).containsExactly("i-d");
    assertThat(ledger.all()).extracting(LaunchRecord::clientToken).containsExactly("pa-a", "pa-b", "pa-c", "pa-d");
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    JdbcLaunchLedger ledger = ledger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String token = "pa-c" + i;
        futures.add(pool.submit(() -> {
          ledger.pending(pending(token, 1, "lambda", Instant.now()));
          ledger.resolve(token, 1, LaunchState.CREATED, "i-" + token, null);
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.inState(LaunchState.CREATED)).hasSize(40);
  }
}
