package dev.providerapi.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OffersCacheTest {
  final FakeClock clock = new FakeClock();
  final AtomicInteger fetches = new AtomicInteger();

  List<String> fetch() {
    return List.of("offer-" + fetches.incrementAndGet());
  }

  @Test
  void servesFromCacheUntilTheTtlPasses() {
    OffersCache<String, String> cache = new OffersCache<>(Duration.ofSeconds(30), clock);
    assertThat(cache.get("h100", this::fetch)).containsExactly("offer-1");
    clock.advance(Duration.ofSeconds(29));
    assertThat(cache.get("h100", this::fetch)).containsExactly("offer-1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("h100", this::fetch)).containsExactly("offer-2");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void eachKeyIsCachedApart() {
    OffersCache<String, String> cache = new OffersCache<>(Duration.ofSeconds(30), clock);
    cache.get("a", this::fetch);
    cache.get("b", this::fetch);
    cache.get("a", this::fetch);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void zeroTtlTurnsCachingOff() {
    OffersCache<String, String> cache = new OffersCache<>(Duration.ZERO, clock);
    cache.get("a", this::fetch);
    cache.get("a", this::fetch);
    assertThat(fetches).hasValue(2);
    assertThat(cache.enabled()).isFalse();
  }

  @Test
  void aFailedFetchIsNotCached() {
    OffersCache<String, String> cache = new OffersCache<>(Duration.ofSeconds(30), clock);
    assertThatThrownBy(() -> cache.get("a", () -> {
      throw new IllegalStateException("provider down");
    })).hasMessage("provider down");
    assertThat(cache.get("a", this::fetch)).containsExactly("offer-1");
  }

  @Test
  void invalidateAllForgetsEverything() {
    OffersCache<String, String> cache = new OffersCache<>(Duration.ofSeconds(30), clock);
    cache.get("a", this::fetch);
    cache.invalidateAll();
    cache.get("a", this::fetch);
    assertThat(fetches).hasValue(2);
  }

  @Test
  void theLeastRecentlyUsedFilterGoesFirstWhenTheCacheIsFull() {
    OffersCache<String, String> cache = new OffersCache<>(Duration.ofMinutes(5), clock, 2);
    cache.get("a", this::fetch);
    cache.get("b", this::fetch);
    cache.get("a", this::fetch); // a is now the most recently used
    cache.get("c", this::fetch); // evicts b
    assertThat(cache.size()).isEqualTo(2);
    assertThat(fetches).hasValue(3);
    cache.get("a", this::fetch);
    assertThat(fetches).hasValue(3);
    cache.get("b", this::fetch);
    assertThat(fetches).hasValue(4);
  }

  @Test
  void expiredEntriesAreDroppedAsNewFiltersComeIn() {
    OffersCache<String, String> cache = new OffersCache<>(Duration.ofSeconds(30), clock);
    for (int i = 0; i < 100; i++) {
      cache.get("max-price-" + i, this::fetch);
    }
    assertThat(cache.size()).isEqualTo(100);
    clock.advance(Duration.ofSeconds(31));
    cache.get("max-price-new", this::fetch);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void theDefaultBoundKeepsAVaryingFilterFromGrowingTheCacheWithoutEnd() {
    OffersCache<String, String> cache = new OffersCache<>(Duration.ofMinutes(5), clock);
    for (int i = 0; i < 10_000; i++) {
      cache.get("max-price-" + i, this::fetch);
    }
    assertThat(cache.size()).isEqualTo(OffersCache.DEFAULT_MAX_ENTRIES);
  }
}
