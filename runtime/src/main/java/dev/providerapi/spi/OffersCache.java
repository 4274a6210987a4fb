package dev.providerapi.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Offers per filter, kept for a TTL. Brokers poll offers often and prices change rarely, so this saves
 * rate-limit budget. One fetch per key at a time: concurrent callers of the same filter wait for it instead of
 * all calling the provider. A TTL of zero turns caching off.
 *
 * <p>Bounded: at most {@code maxEntries} filters are kept (least recently used go first), and expired entries
 * are dropped as new ones come in, so a broker whose filters vary (a max price per request) does not grow it
 * without end.
 *
 * @param <K> the key type (a filter)
 * @param <V> the cached element type (an offer)
 */
public final class OffersCache<K, V> {
  /** Filters kept by default; a broker rarely polls more distinct filters than this within one TTL. */
  public static final int DEFAULT_MAX_ENTRIES = 256;

  private final Duration ttl;
  private final Clock clock;
  private final int maxEntries;
  private final LinkedHashMap<K, Slot<V>> slots;

  /**
   * A cache of at most {@link #DEFAULT_MAX_ENTRIES} filters.
   *
   * @param ttl how long a listing is kept; zero turns caching off
   * @param clock the clock expiry is measured on
   * @throws IllegalArgumentException if {@code ttl} is negative
   */
  public OffersCache(Duration ttl, Clock clock) {
    this(ttl, clock, DEFAULT_MAX_ENTRIES);
  }

  /**
   * A cache of at most {@code maxEntries} filters.
   *
   * @param ttl how long a listing is kept; zero turns caching off
   * @param clock the clock expiry is measured on
   * @param maxEntries the most filters kept; at least 1
   * @throws IllegalArgumentException if {@code ttl} is negative or {@code maxEntries} is below 1
   */
  public OffersCache(Duration ttl, Clock clock, int maxEntries) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("offers cache TTL must not be negative: " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("offers cache size must be at least 1: " + maxEntries);
    }
    this.ttl = ttl;
    this.clock = clock;
    this.maxEntries = maxEntries;
    this.slots = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
        return size() > OffersCache.this.maxEntries;
      }
    };
  }

  /**
   * Entries held now, expired ones not yet dropped included (for tests and metrics).
   *
   * @return the number of entries
   */
  public int size() {
    synchronized (slots) {
      return slots.size();
    }
  }

  /**
   * Whether the cache keeps anything.
   *
   * @return false when the TTL is zero
   */
  public boolean enabled() {
    return !ttl.isZero();
  }

  /**
   * The listing for {@code key}: the cached one while it is fresh, else what {@code fetch} returns (kept for the
   * TTL). A failed fetch caches nothing.
   *
   * @param key the filter
   * @param fetch lists the offers for {@code key}
   * @return the listing (unmodifiable)
   */
  public List<V> get(K key, Supplier<List<V>> fetch) {
    if (!enabled()) {
      return List.copyOf(fetch.get());
    }
    Slot<V> slot;
    synchronized (slots) {
      slot = slots.get(key);
      if (slot == null) {
        dropExpired(clock.instant());
        slot = new Slot<>();
        slots.put(key, slot);
      }
    }
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

  /** Drops every entry. */
  public void invalidateAll() {
    synchronized (slots) {
      slots.clear();
    }
  }

  /** Under the map's lock. A slot being filled right now has no value yet and stays. */
  private void dropExpired(Instant now) {
    for (Iterator<Slot<V>> it = slots.values().iterator(); it.hasNext(); ) {
      Slot<V> s = it.next();
      if (s.value != null && !now.isBefore(s.expires)) {
        it.remove();
      }
    }
  }

  private static final class Slot<V> {
    volatile List<V> value;
    volatile Instant expires = Instant.MIN;
  }
}
