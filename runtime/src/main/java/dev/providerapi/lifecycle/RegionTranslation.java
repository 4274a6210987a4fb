package dev.providerapi.lifecycle;

import dev.providerapi.model.Region;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Provider regions and canonical ones, from provider.yaml's {@code regions}. */
public final class RegionTranslation {
  private final List<Region> regions;
  private final Map<String, Region> byProviderName = new LinkedHashMap<>();

  /**
   * The translation of the declared regions.
   *
   * @param regions the provider's regions with canonical names (copied)
   */
  public RegionTranslation(List<Region> regions) {
    this.regions = List.copyOf(regions);
    for (Region r : regions) {
      byProviderName.putIfAbsent(r.providerName().toLowerCase(Locale.ROOT), r);
    }
  }

  /**
   * The canonical region, or the input when unmapped.
   *
   * @param providerRegion the provider's region name (any case), or null
   * @return the canonical name; the input when unmapped, null for null
   */
  public @Nullable String canonical(@Nullable String providerRegion) {
    if (providerRegion == null) {
      return null;
    }
    Region r = byProviderName.get(providerRegion.toLowerCase(Locale.ROOT));
    return r == null ? providerRegion : r.canonicalName();
  }

  /**
   * The provider regions a canonical region stands for.
   *
   * @param canonicalRegion the canonical name (any case)
   * @return the provider's region names, in declaration order; empty if none
   */
  public List<String> providerRegions(String canonicalRegion) {
    return regions.stream().filter(r -> r.canonicalName().equalsIgnoreCase(canonicalRegion))
        .map(Region::providerName).toList();
  }

  /**
   * The provider region names a filter's region stands for: a canonical region's, or the provider's own name as
   * the provider spells it; empty when blank or unknown.
   *
   * @param region a canonical or provider region name, or null
   * @return the provider's region names
   */
  public List<String> providerNamesFor(@Nullable String region) {
    if (region == null || region.isBlank()) {
      return List.of();
    }
    List<String> names = providerRegions(region.strip());
    if (!names.isEmpty()) {
      return names;
    }
    Region own = byProviderName.get(region.strip().toLowerCase(Locale.ROOT));
    return own == null ? List.of() : List.of(own.providerName());
  }

  /**
   * True when {@code region} is one of the provider's own region names (any case).
   *
   * @param region a region name, or null
   * @return true if the provider declares it
   */
  public boolean isProviderRegion(@Nullable String region) {
    return region != null && byProviderName.containsKey(region.toLowerCase(Locale.ROOT));
  }

  /**
   * True when {@code region} is only a canonical name (us-east) that stands for provider regions.
   *
   * @param region a region name, or null
   * @return true if it is canonical and not also one of the provider's names
   */
  public boolean isCanonicalOnly(@Nullable String region) {
    return region != null && !isProviderRegion(region) && !providerRegions(region).isEmpty();
  }
}
