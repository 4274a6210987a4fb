package dev.providerapi.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.spi.RateLimitBuckets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresRateLimitBucketsTest extends SharedStoreContract {
  static String url;

  @BeforeAll
  static void schema() throws Exception {
    TestServers.assumePostgres();
    url = TestServers.freshSchema("shared_limits_test_" + ProcessHandle.current().pid());
  }

  @Override
  RateLimitBuckets store() {
    return PostgresRateLimitBuckets.create(TestServers.dataSource(url));
  }

  @Test
  void aTablePrefixThatIsNotAPlainIdentifierIsRefused() {
    assertThatThrownBy(() -> PostgresRateLimitBuckets.create(TestServers.dataSource(url), "x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table prefix 'x; DROP TABLE y' must match [a-z_][a-z0-9_]{0,40}");
  }

  @Test
  void anUnreachableDatabaseIsNamedWhenTheStoreIsMade() {
    assertThatThrownBy(() -> PostgresRateLimitBuckets.create(TestServers.dataSource(
        "jdbc:postgresql://127.0.0.1:9/none")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot create the rate-limit tables provider_api_rate_limit_buckets and"
            + " provider_api_rate_limit_windows: ");
  }

  @Test
  void itsDescriptionNamesTheTables() {
    assertThat(store().toString())
        .isEqualTo("RateLimitBuckets[postgresql, tables provider_api_rate_limit_buckets, provider_api_rate_limit_windows]");
  }
}
