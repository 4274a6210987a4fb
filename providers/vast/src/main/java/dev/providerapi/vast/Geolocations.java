package dev.providerapi.vast;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Vast writes a host's location as free text ending in a two-letter country code ({@code "California, US"},
 * {@code "Quebec, CA"}); the country code is the only part its search can filter on, so it is our region.
 */
final class Geolocations {
  private static final Pattern TRAILING_CODE = Pattern.compile("(?:^|[,\\s])([A-Za-z]{2})\\s*$");

  private Geolocations() {}

  /** The country code at the end of {@code geolocation}, upper case; null when there is none. */
  static @Nullable String countryCode(@Nullable String geolocation) {
    if (geolocation == null) {
      return null;
    }
    Matcher m = TRAILING_CODE.matcher(geolocation.strip());
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
  }
}
