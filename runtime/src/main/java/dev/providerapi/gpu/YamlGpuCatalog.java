package dev.providerapi.gpu;

import java.util.List;
import java.util.Optional;

/** CONTRACT SKELETON: the runtime implementation loads gpu-catalog.yaml. */
final class YamlGpuCatalog implements GpuCatalog {
  static final GpuCatalog STANDARD = new YamlGpuCatalog();

  @Override public GpuType resolve(String provider, String providerName) { throw new UnsupportedOperationException(); }
  @Override public Optional<Integer> countIn(String provider, String providerName) { throw new UnsupportedOperationException(); }
  @Override public Optional<String> providerName(String provider, String canonicalName) { throw new UnsupportedOperationException(); }
  @Override public List<GpuType> find(String canonicalNameOrModel) { throw new UnsupportedOperationException(); }
  @Override public boolean matches(GpuType gpu, String filterTerm) { throw new UnsupportedOperationException(); }
  @Override public List<GpuType> all() { throw new UnsupportedOperationException(); }
}
