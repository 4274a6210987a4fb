package dev.providerapi.gpu;

import java.util.List;
import java.util.Optional;

/**
 * Canonical GPU names with per-provider aliases, loaded from the {@code gpu-catalog.yaml} resource. Matching
 * ignores case, spaces, dashes and underscores; a provider may declare a name pattern (Lambda's
 * {@code gpu_8x_h100_sxm5}) whose {@code name} group is what is looked up.
 */
public interface GpuCatalog {

  /** The catalog shipped with the runtime. */
  static GpuCatalog standard() {
    return YamlGpuCatalog.STANDARD;
  }

  /** The canonical GPU for {@code providerName} as {@code provider} spells it; unknown names are flagged. */
  GpuType resolve(String provider, String providerName);

  /** The GPU count encoded in a provider name (Lambda's {@code gpu_8x_...}), if the name encodes one. */
  Optional<Integer> countIn(String provider, String providerName);

  /** The provider's preferred name for a canonical GPU. */
  Optional<String> providerName(String provider, String canonicalName);

  /** A canonical GPU by name, or by a unique model prefix ({@code H100} -> all H100 variants first). */
  List<GpuType> find(String canonicalNameOrModel);

  /** True when the GPU satisfies a filter term: the exact canonical name, or a model / prefix of it. */
  boolean matches(GpuType gpu, String filterTerm);

  List<GpuType> all();

  /** The GPUs {@code provider} is known to offer (those it has a name for). */
  default List<GpuType> forProvider(String provider) {
    return all().stream().filter(g -> providerName(provider, g.canonicalName()).isPresent()).toList();
  }
}
