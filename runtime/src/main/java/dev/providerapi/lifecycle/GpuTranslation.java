package dev.providerapi.lifecycle;

import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.gpu.GpuNames;
import dev.providerapi.gpu.GpuType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A provider's GPU names and the canonical catalog, from its descriptor: provider.yaml's {@code gpuAliases}
 * first, then its {@code gpuNamePattern} (whose {@code name} group is looked up and whose {@code count} group
 * is the GPU count), then the shared catalog. Unknown names come back flagged with the raw name.
 */
public final class GpuTranslation {
  private final String provider;
  private final ProviderDescriptor descriptor;
  private final Supplier<GpuCatalog> catalog;
  private final @Nullable Pattern pattern;
  /** Normalized provider GPU name -> canonical name. */
  private final Map<String, String> aliases;

  /**
   * The translation for {@code descriptor}'s GPU aliases and name pattern.
   *
   * @param descriptor the provider's descriptor
   * @param catalog supplies the shared catalog (read when first needed)
   * @throws java.util.regex.PatternSyntaxException if the declared name pattern is not a valid regex
   */
  public GpuTranslation(ProviderDescriptor descriptor, Supplier<GpuCatalog> catalog) {
    this.provider = descriptor.name();
    this.descriptor = descriptor;
    this.catalog = catalog;
    String p = descriptor.gpuNamePattern();
    if (p != null && !p.contains("(?<name>")) {
      throw new IllegalArgumentException(provider + ": gpuNamePattern " + p + " needs a named group 'name'");
    }
    this.pattern = p == null ? null : Pattern.compile(p);
    Map<String, String> a = new HashMap<>();
    descriptor.gpuAliases().forEach((providerName, canonical) -> a.put(GpuNames.normalize(providerName), canonical));
    this.aliases = Map.copyOf(a);
  }

  /**
   * The shared GPU catalog.
   *
   * @return the catalog
   */
  public GpuCatalog catalog() {
    return catalog.get();
  }

  /**
   * The GPU a provider name stands for: by alias, then by the name pattern, then by the shared catalog.
   *
   * @param providerGpuName the GPU's name as the provider spells it
   * @return the GPU; flagged {@code known == false} with the raw name when nothing knows it
   */
  public GpuType gpuType(String providerGpuName) {
    GpuType aliased = fromAlias(providerGpuName, providerGpuName);
    if (aliased != null) {
      return aliased;
    }
    if (pattern != null) {
      Matcher m = pattern.matcher(providerGpuName);
      if (m.matches()) {
        String inner = m.group("name");
        GpuType fromInner = fromAlias(inner, providerGpuName);
        if (fromInner != null) {
          return fromInner;
        }
        GpuType resolved = catalog().resolve(provider, inner);
        if (resolved.known()) {
          return resolved.withProviderName(providerGpuName);
        }
      }
    }
    GpuType resolved = catalog().resolve(provider, providerGpuName);
    return resolved.known() ? resolved : GpuType.unknown(providerGpuName);
  }

  /**
   * The GPU count a provider name encodes (Lambda's {@code gpu_8x_h100_sxm5} -> 8).
   *
   * @param providerGpuName the GPU's name as the provider spells it
   * @return the count, or empty when the name encodes none
   */
  public Optional<Integer> countIn(String providerGpuName) {
    if (pattern != null && descriptor.gpuNamePattern().contains("(?<count>")) {
      Matcher m = pattern.matcher(providerGpuName);
      if (m.matches() && m.group("count") != null) {
        try {
          return Optional.of(Integer.parseInt(m.group("count")));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return catalog().countIn(provider, providerGpuName);
  }

  /**
   * The provider's name for a canonical GPU: its alias if it declares one, else the shared catalog's.
   *
   * @param canonicalGpu the canonical GPU name (case is ignored for aliases)
   * @return the provider's name, or empty if it has none
   */
  public Optional<String> providerName(String canonicalGpu) {
    for (Map.Entry<String, String> e : descriptor.gpuAliases().entrySet()) {
      if (e.getValue().equalsIgnoreCase(canonicalGpu)) {
        return Optional.of(e.getKey());
      }
    }
    return catalog().providerName(provider, canonicalGpu);
  }

  /**
   * The provider's names for every catalog GPU a filter term stands for ({@code H100} -> H100 SXM, H100 PCIE, ...),
   * for providers that filter by GPU name server-side; empty when the term is blank or names nothing the provider
   * is known to call by a name.
   *
   * @param term a filter's GPU term, or null
   * @return the provider's names, without duplicates
   */
  public List<String> providerNames(@org.jspecify.annotations.Nullable String term) {
    if (term == null || term.isBlank()) {
      return List.of();
    }
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (GpuType gpu : catalog().find(term)) {
      providerName(gpu.canonicalName()).ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  /**
   * The catalog's GPUs of this provider plus the aliased ones, by canonical name.
   *
   * @return the GPUs
   */
  public List<GpuType> all() {
    Map<String, GpuType> gpus = new LinkedHashMap<>();
    for (GpuType g : catalog().forProvider(provider)) {
      gpus.put(g.canonicalName(), g);
    }
    for (String canonical : descriptor.gpuAliases().values()) {
      GpuType g = byCanonicalName(canonical);
      gpus.putIfAbsent(g.canonicalName(), g);
    }
    return new ArrayList<>(gpus.values());
  }

  private @Nullable GpuType fromAlias(String lookup, String raw) {
    String canonical = aliases.get(GpuNames.normalize(lookup));
    return canonical == null ? null : byCanonicalName(canonical).withProviderName(raw);
  }

  private GpuType byCanonicalName(String canonical) {
    GpuType g = catalog().resolve(provider, canonical);
    return g.known() ? g : GpuType.unknown(canonical);
  }
}
