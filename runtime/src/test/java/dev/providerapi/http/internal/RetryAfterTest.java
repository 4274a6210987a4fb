package dev.providerapi.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void deltaSeconds() {
    assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
  }

  @Test
  void httpDateRelativeToNow() {
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:42 GMT", clock)).contains(Duration.ofSeconds(42));
    assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:59:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void absentOrGarbage() {
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("", clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-3", clock)).isEmpty();
  }
}
