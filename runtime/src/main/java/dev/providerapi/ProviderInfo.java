package dev.providerapi;

import dev.providerapi.gpu.GpuType;
import dev.providerapi.model.BillingGranularity;
import dev.providerapi.model.Region;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a provider is and can do, mostly declared in its provider.yaml.
 *
 * @param name the provider's name
 * @param displayName the name to show people
 * @param capabilities what the provider supports, in declaration order of {@link Capability}
 * @param regions the provider's regions with canonical names
 * @param gpuTypes the GPUs the provider is known to offer
 * @param billingGranularity how usage is metered
 * @param consoleUrl the provider's web console; null if not declared
 */
public record ProviderInfo(
    String name,
    String displayName,
    Set<Capability> capabilities,
    List<Region> regions,
    List<GpuType> gpuTypes,
    BillingGranularity billingGranularity,
    @Nullable URI consoleUrl) {

  /**
   * Copies the collections, capabilities in declaration order.
   *
   * @param name the provider's name
   * @param displayName the name to show people
   * @param capabilities what the provider supports
   * @param regions the provider's regions
   * @param gpuTypes the GPUs the provider is known to offer
   * @param billingGranularity how usage is metered
   * @param consoleUrl the provider's web console, or null
   */
  public ProviderInfo {
    // Declaration order of the enum, the same in every run (Set.copyOf's order changes from one JVM to the next).
    capabilities = capabilities.isEmpty() ? Set.of()
        : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(capabilities));
    regions = List.copyOf(regions);
    gpuTypes = List.copyOf(gpuTypes);
  }
}
