package dev.providerapi.gpu;

import java.util.List;
import java.util.Optional;

/**
 * Canonical GPU names with per-provider aliases, loaded from the {@code gpu-catalog.yaml} resource. Matching
 * ignores case, spaces, dashes and underscores; a provider may declare a name pattern (Lambda's
 * {@code gpu_8x_h100_sxm5}) whose {@code name} group is what is looked up.
 */
public interface GpuCatalog {

  /**
   * The catalog shipped with the runtime.
   *
   * @return the standard catalog
   */
  static GpuCatalog standard() {
    return YamlGpuCatalog.STANDARD;
  }

  /**
   * The canonical GPU for {@code providerName} as {@code provider} spells it; unknown names are flagged.
   *
   * @param provider the provider's name
   * @param providerName the GPU's name as the provider spells it
   * @return the canonical GPU, or one with {@code known == false} carrying the raw name
   */
  GpuType resolve(String provider, String providerName);

  /**
   * The GPU count encoded in a provider name (Lambda's {@code gpu_8x_...}), if the name encodes one.
   *
   * @param provider the provider's name
   * @param providerName the GPU's name as the provider spells it
   * @return the count, or empty
   */
  Optional<Integer> countIn(String provider, String providerName);

  /**
   * The provider's preferred name for a canonical GPU.
   *
   * @param provider the provider's name
   * @param canonicalName the canonical GPU name
   * @return the provider's name for it, or empty if the provider has none
   */
  Optional<String> providerName(String provider, String canonicalName);

  /**
   * A canonical GPU by name, or by a unique model prefix ({@code H100} -> all H100 variants first).
   *
   * @param canonicalNameOrModel a canonical name or a model prefix
   * @return the matching GPUs; empty if none
   */
  List<GpuType> find(String canonicalNameOrModel);

  /**
   * True when the GPU satisfies a filter term: the exact canonical name, or a model / prefix of it.
   *
   * @param gpu the GPU
   * @param filterTerm the filter's GPU term
   * @return true if the GPU matches
   */
  boolean matches(GpuType gpu, String filterTerm);

  /**
   * Every GPU in the catalog.
   *
   * @return the GPUs
   */
  List<GpuType> all();

  /**
   * The GPUs {@code provider} is known to offer (those it has a name for).
   *
   * @param provider the provider's name
   * @return the GPUs; empty if the catalog has no name for any of them
   */
  default List<GpuType> forProvider(String provider) {
    return all().stream().filter(g -> providerName(provider, g.canonicalName()).isPresent()).toList();
  }
}
