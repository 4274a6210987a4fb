package dev.providerapi.limits;

import dev.providerapi.spi.RateLimitBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Rate-limit state in PostgreSQL, shared by every process that uses the same database: Bucket4j's
 * select-for-update proxy manager keeps each bucket as a row (the state serialized by Bucket4j, changed under a
 * row lock), and a second table holds each account's 429 window. Time comes from each process's clock
 * (keep them in sync, as NTP does). Give it a pooled {@link DataSource}: every token taken is one transaction.
 *
 * <p>The tables ({@code <prefix>_buckets}, {@code <prefix>_windows}) are created when missing.
 */
public final class PostgresRateLimitBuckets implements RateLimitBuckets {
  private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

  private final DataSource dataSource;
  private final String windows;
  private final String description;
  private final ProxyManager<String> proxies;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Tables {@code provider_api_rate_limit_buckets} and {@code provider_api_rate_limit_windows}.
   *
   * @param dataSource the database, pooled: every token taken opens a connection
   * @return a store whose tables exist
   * @throws IllegalStateException when the tables cannot be created (the database's message included)
   */
  public static PostgresRateLimitBuckets create(DataSource dataSource) {
    return create(dataSource, "provider_api_rate_limit");
  }

  /**
   * Tables {@code <tablePrefix>_buckets} and {@code <tablePrefix>_windows}.
   *
   * @param dataSource the database, pooled: every token taken opens a connection
   * @param tablePrefix lower-case letters, digits and underscores (it is part of SQL)
   * @throws IllegalArgumentException for a prefix that is not a plain identifier
   * @return a store whose tables exist
   * @throws IllegalStateException when the tables cannot be created (the database's message included)
   */
  public static PostgresRateLimitBuckets create(DataSource dataSource, String tablePrefix) {
    Objects.requireNonNull(dataSource, "dataSource");
    if (!PREFIX.matcher(tablePrefix).matches()) {
      throw new IllegalArgumentException("table prefix '" + tablePrefix + "' must match " + PREFIX.pattern());
    }
    return new PostgresRateLimitBuckets(dataSource, tablePrefix);
  }

  private PostgresRateLimitBuckets(DataSource dataSource, String prefix) {
    this.dataSource = dataSource;
    String bucketTable = prefix + "_buckets";
    this.windows = prefix + "_windows";
    this.description = "RateLimitBuckets[postgresql, tables " + bucketTable + ", " + windows + "]";
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + bucketTable + " (id VARCHAR(200) PRIMARY KEY, state BYTEA)");
      s.execute("CREATE TABLE IF NOT EXISTS " + windows
          + " (account VARCHAR(200) PRIMARY KEY, not_before_micros BIGINT NOT NULL)");
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
        // 23505/42P07: another process created the same table at the same moment.
        throw new IllegalStateException("cannot create the rate-limit tables " + bucketTable + " and " + windows
            + ": " + e.getMessage(), e);
      }
    }
    this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table(bucketTable)
        .idColumn("id")
        .stateColumn("state")
        .requestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * The bucket stored in the row {@code key}, created with {@code configuration} when there is none yet.
   *
   * @param key the bucket's key, the row's id
   * @param configuration the limits of a bucket created now; a row that exists keeps its state
   * @param clock ignored: Bucket4j takes the time from this process's clock
   * @return a proxy that reads and updates the row under a row lock for every token taken
   */
  @Override
  public Bucket bucket(String key, BucketConfiguration configuration, Clock clock) {
    return buckets.computeIfAbsent(key, k -> proxies.getProxy(k, () -> configuration));
  }

  @Override
  public Instant notBefore(String accountKey) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT not_before_micros FROM " + windows + " WHERE account = ?")) {
      s.setString(1, accountKey);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? fromMicros(r.getLong(1)) : Instant.MIN;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the 429 window of " + accountKey + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void notBefore(String accountKey, Instant until) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO " + windows
        + " (account, not_before_micros) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET not_before_micros ="
        + " GREATEST(" + windows + ".not_before_micros, EXCLUDED.not_before_micros)")) {
      s.setString(1, accountKey);
      s.setLong(2, toMicros(until));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the 429 window of " + accountKey + ": " + e.getMessage(), e);
    }
  }

  static long toMicros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
  }

  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  @Override
  public String toString() {
    return description;
  }
}
