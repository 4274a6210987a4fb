package dev.providerapi.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest extends LedgerContract {
  @TempDir Path dir;

  @Override
  JdbcLaunchLedger ledger() {
    return JdbcLaunchLedger.sqlite(dir.resolve("sub/ledger.db"));
  }

  @Test
  void reopeningAppliesNoMigrationTwiceAndKeepsTheRows() {
    Path file = dir.resolve("ledger.db");
    JdbcLaunchLedger first = JdbcLaunchLedger.sqlite(file);
    first.pending(pending("pa-keep", 1, "lambda", Instant.parse("2026-01-02T03:04:05Z")));
    JdbcLaunchLedger second = JdbcLaunchLedger.sqlite(file);
    assertThat(second.schemaVersion()).isEqualTo(1);
    assertThat(second.find("pa-keep")).hasSize(1);
    assertThat(Files.exists(file)).isTrue();
    assertThat(second.displayName()).isEqualTo("jdbc:sqlite:" + file.toAbsolutePath());
  }

  @Test
  void theDefaultFileIsUnderTheUsersDataDirectory() {
    assertThat(JdbcLaunchLedger.dataDir(Map.of("XDG_DATA_HOME", "/x/data"), "Linux", "/home/u"))
        .isEqualTo(Path.of("/x/data/provider-api"));
    assertThat(JdbcLaunchLedger.dataDir(Map.of(), "Linux", "/home/u"))
        .isEqualTo(Path.of("/home/u/.local/share/provider-api"));
    assertThat(JdbcLaunchLedger.dataDir(Map.of(), "Mac OS X", "/Users/u"))
        .isEqualTo(Path.of("/Users/u/Library/Application Support/provider-api"));
    assertThat(JdbcLaunchLedger.defaultPath().getFileName().toString()).isEqualTo("ledger.db");
  }

  @Test
  void migrationFilesSplitIntoStatements() {
    assertThat(JdbcLaunchLedger.statements("-- c\nCREATE TABLE a (x INT);\nCREATE INDEX i ON a (x);\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
  }

  @Test
  void aPasswordInTheUrlIsMasked() {
    JdbcLaunchLedger l = JdbcLaunchLedger.open("jdbc:sqlite:" + dir.resolve("p.db") + "?password=hunter2",
        new java.util.Properties());
    assertThat(l.displayName()).doesNotContain("hunter2").endsWith("?password=***");
    assertThat(l.toString()).doesNotContain("hunter2");
  }
}
