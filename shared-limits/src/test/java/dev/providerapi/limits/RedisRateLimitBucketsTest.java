package dev.providerapi.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.spi.RateLimitBuckets;
import io.lettuce.core.RedisClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisRateLimitBucketsTest extends SharedStoreContract {
  static RedisClient client;
  static final List<RedisRateLimitBuckets> OPENED = new ArrayList<>();

  @BeforeAll
  static void connect() {
    TestServers.assumeRedis();
    client = TestServers.redis();
  }

  @AfterAll
  static void close() {
    OPENED.forEach(RedisRateLimitBuckets::close);
    if (client != null) {
      client.shutdown();
    }
  }

  @Override
  RateLimitBuckets store() {
    RedisRateLimitBuckets s = RedisRateLimitBuckets.create(client);
    OPENED.add(s);
    return s;
  }

  @Test
  void aWindowKeyExpiresOnceItHasClosed() throws Exception {
    RateLimitBuckets s = store();
    s.notBefore(account, Instant.now().plusMillis(100));
    try (var c = client.connect()) {
      assertThat(c.sync().pttl(account + ":window")).isBetween(1L, 1_200L);
    }
  }
}
