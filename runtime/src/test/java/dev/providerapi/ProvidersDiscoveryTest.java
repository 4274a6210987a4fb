package dev.providerapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.gpu.GpuType;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.RateLimitInfo;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersDiscoveryTest {

  /** An adapter that starts. */
  public static final class Working implements Provider {
    @Override public String name() { return "working"; }
    @Override public ProviderInfo info() { throw new UnsupportedOperationException(); }
    @Override public Provider configure(ProviderConfig config) { return this; }
    @Override public List<Offer> offers(OfferFilter filter) { return List.of(); }
    @Override public Instance launch(LaunchRequest request) { throw new UnsupportedOperationException(); }
    @Override public Optional<Instance> get(String instanceId) { return Optional.empty(); }
    @Override public List<Instance> list() { return List.of(); }
    @Override public List<Instance> findByClientToken(String clientToken) { return List.of(); }
    @Override public void terminate(String instanceId) {}
    @Override public BillingStatus billingStatus(String instanceId) { throw new UnsupportedOperationException(); }
    @Override public RateLimitInfo rateLimits() { throw new UnsupportedOperationException(); }
    @Override public GpuType gpuType(String providerGpuName) { return GpuType.unknown(providerGpuName); }
    @Override public Optional<String> providerGpuName(String canonicalGpu) { return Optional.empty(); }
    @Override public String canonicalRegion(String providerRegion) { return providerRegion; }
    @Override public List<String> providerRegions(String canonicalRegion) { return List.of(); }
  }

  /** An adapter whose constructor fails, as coreweave's does without fabric8 on the class path. */
  public static final class Broken implements Provider {
    public Broken() {
      throw new NoClassDefFoundError("io/fabric8/kubernetes/client/Config");
    }
    @Override public String name() { return "broken"; }
    @Override public ProviderInfo info() { throw new UnsupportedOperationException(); }
    @Override public Provider configure(ProviderConfig config) { return this; }
    @Override public List<Offer> offers(OfferFilter filter) { return List.of(); }
    @Override public Instance launch(LaunchRequest request) { throw new UnsupportedOperationException(); }
    @Override public Optional<Instance> get(String instanceId) { return Optional.empty(); }
    @Override public List<Instance> list() { return List.of(); }
    @Override public List<Instance> findByClientToken(String clientToken) { return List.of(); }
    @Override public void terminate(String instanceId) {}
    @Override public BillingStatus billingStatus(String instanceId) { throw new UnsupportedOperationException(); }
    @Override public RateLimitInfo rateLimits() { throw new UnsupportedOperationException(); }
    @Override public GpuType gpuType(String providerGpuName) { return GpuType.unknown(providerGpuName); }
    @Override public Optional<String> providerGpuName(String canonicalGpu) { return Optional.empty(); }
    @Override public String canonicalRegion(String providerRegion) { return providerRegion; }
    @Override public List<String> providerRegions(String canonicalRegion) { return List.of(); }
  }

  @Test
  void oneAdapterFailingToStartLeavesTheOthersLoaded(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services/dev.providerapi.Provider");
    Files.createDirectories(services.getParent());
    Files.writeString(services, Broken.class.getName() + "\n" + "dev.providerapi.NoSuchAdapter\n"
        + Working.class.getName() + "\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        ProvidersDiscoveryTest.class.getClassLoader())) {
      Providers.Discovery found = Providers.discover(loader);

      assertThat(found.providers()).extracting(Provider::name).containsExactly("working");
      assertThat(found.failures()).hasSize(2);
      assertThat(found.failures()).containsKey(Broken.class.getName());
      assertThat(found.failures().get(Broken.class.getName()))
          .hasRootCauseInstanceOf(NoClassDefFoundError.class)
          .hasRootCauseMessage("io/fabric8/kubernetes/client/Config");
      assertThat(found.failures().keySet()).anyMatch(k -> k.contains("dev.providerapi.NoSuchAdapter"));
    }
  }
}
