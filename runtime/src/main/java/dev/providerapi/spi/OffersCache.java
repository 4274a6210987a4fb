package dev.providerapi.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Offers per filter, kept for a TTL. Brokers poll offers often and prices change rarely, so this saves
 * rate-limit budget. One fetch per key at a time: concurrent callers of the same filter wait for it instead of
 * all calling the provider. A TTL of zero turns caching off.
 */
public final class OffersCache<K, V> {
  private final Duration ttl;
  private final Clock clock;
  private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();

  public OffersCache(Duration ttl, Clock clock) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("offers cache TTL must not be negative: " + ttl);
    }
    this.ttl = ttl;
    this.clock = clock;
  }

  public boolean enabled() {
    return !ttl.isZero();
  }

  public List<V> get(K key, Supplier<List<V>> fetch) {
    if (!enabled()) {
      return List.copyOf(fetch.get());
    }
    Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
    synchronized (slot) {
      Instant now = clock.instant();
      if (slot.value == null || !now.isBefore(slot.expires)) {
        // A failed fetch leaves the slot empty, so the next call tries again.
        slot.value = List.copyOf(fetch.get());
        slot.expires = now.plus(ttl);
      }
      return slot.value;
    }
  }

  public void invalidateAll() {
    slots.clear();
  }

  private static final class Slot<V> {
    List<V> value;
    Instant expires = Instant.MIN;
  }
}
