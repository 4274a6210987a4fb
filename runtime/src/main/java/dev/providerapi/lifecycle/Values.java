package dev.providerapi.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Small conversions adapters need when mapping a provider's wire values onto ours, each null-safe: a missing
 * value stays missing rather than becoming zero or an exception.
 */
public final class Values {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Values() {}

  /**
   * US cents as dollars with two decimals ({@code 249 -> 2.49}); null for null.
   *
   * @param cents an amount in US cents, or null
   * @return the amount in USD, or null
   */
  public static @Nullable BigDecimal usdFromCents(@Nullable Number cents) {
    return cents == null ? null : decimal(cents).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * A number as a BigDecimal without binary-floating-point noise ({@code 0.1d -> 0.1}); null for null.
   *
   * @param value a number, or null
   * @return the number as a decimal, or null
   */
  public static @Nullable BigDecimal decimal(@Nullable Number value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(value.doubleValue());
    }
    return BigDecimal.valueOf(value.longValue());
  }

  /**
   * Seconds since the epoch, fractions kept to the millisecond; null for null.
   *
   * @param seconds seconds since the epoch, or null
   * @return the instant, or null
   */
  public static @Nullable Instant epochSeconds(@Nullable Number seconds) {
    if (seconds == null) {
      return null;
    }
    return Instant.ofEpochMilli(decimal(seconds).multiply(THOUSAND).setScale(0, RoundingMode.HALF_UP).longValueExact());
  }

  /**
   * The first {@code max} characters of {@code s} (a provider's name-length limit).
   *
   * @param s the text
   * @param max the most characters to keep
   * @return {@code s} itself if no longer than {@code max}, else its first {@code max} characters
   */
  public static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /**
   * A URL without its query string, which some providers use to carry a secret (a Jupyter token); null for null.
   *
   * @param url a URL, or null
   * @return the URL up to its {@code ?}, or null
   */
  public static @Nullable String withoutQuery(@Nullable String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /**
   * The list, or an empty one for null (a provider that omits an empty array).
   *
   * @param <T> the element type
   * @param list a list, or null
   * @return {@code list}, or an empty list for null
   */
  public static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * The map, or an empty one for null.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param map a map, or null
   * @return {@code map}, or an empty map for null
   */
  public static <K, V> Map<K, V> orEmpty(@Nullable Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  /**
   * The value of {@code key} in a list of {@code KEY=value} entries (an environment as a provider echoes it).
   *
   * @param entries the {@code KEY=value} entries, or null
   * @param key the key to look for
   * @return the value, or null if {@code entries} is null or has no such key
   */
  public static @Nullable String keyValue(@Nullable List<String> entries, String key) {
    if (entries == null) {
      return null;
    }
    String prefix = key + "=";
    for (String entry : entries) {
      if (entry != null && entry.startsWith(prefix)) {
        return entry.substring(prefix.length());
      }
    }
    return null;
  }

  /**
   * True when the text is null, empty or only whitespace.
   *
   * @param s the text, or null
   * @return true if blank
   */
  public static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  /**
   * The SHA-256 of text as UTF-8, in lower-case hex: a stable name for content (a registered key, a stored
   * script) that is the same on every machine.
   *
   * @param text any text
   * @return 64 hex digits
   */
  public static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
