package dev.providerapi.paperspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Paperspace's hourly prices by machine type, from {@code price-list.properties}. The API quotes no price
 * before a machine exists, so offers carry these figures (marked as catalog prices with their date).
 */
final class PriceList {
  private static final String RESOURCE = "price-list.properties";

  private final Map<String, BigDecimal> perHour;
  private final Instant asOf;

  PriceList(Map<String, BigDecimal> perHour, Instant asOf) {
    this.perHour = Map.copyOf(perHour);
    this.asOf = asOf;
  }

  /** The list shipped with this adapter. */
  static PriceList bundled() {
    Properties p = new Properties();
    try (InputStream in = PriceList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("paperspace: " + RESOURCE + " is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("paperspace: cannot read " + RESOURCE, e);
    }
    Map<String, BigDecimal> prices = new TreeMap<>();
    Instant asOf = null;
    for (String key : p.stringPropertyNames()) {
      String value = p.getProperty(key).strip();
      if (key.equals("asOf")) {
        asOf = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        continue;
      }
      try {
        prices.put(key, new BigDecimal(value));
      } catch (NumberFormatException e) {
        throw new IllegalStateException("paperspace: " + RESOURCE + ": price of '" + key + "' is not a number: '"
            + value + "'", e);
      }
    }
    if (asOf == null) {
      throw new IllegalStateException("paperspace: " + RESOURCE + " has no asOf date");
    }
    return new PriceList(prices, asOf);
  }

  Optional<BigDecimal> perHour(String machineType) {
    return Optional.ofNullable(perHour.get(machineType));
  }

  Instant asOf() {
    return asOf;
  }
}
