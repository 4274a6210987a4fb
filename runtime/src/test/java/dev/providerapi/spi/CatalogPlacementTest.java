package dev.providerapi.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.OfferCatalog;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Region;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a launch goes for a provider whose offers come from its offerCatalog (ids gpu/count/region). */
class CatalogPlacementTest {
  static final ProviderDescriptor CATALOGUED = ProviderDescriptor.builder("kubelike").baseUrl("https://k8s.example.invalid")
      .auth(AuthSpec.kubeconfig())
      .region(new Region("ORD1", "us-central", "Chicago")).region(new Region("LAS1", "us-west", "Las Vegas"))
      .gpuAlias("A40", "A40-48GB")
      .offerCatalog(new OfferCatalog(LocalDate.of(2023, 12, 31), null, null, List.of(
          new OfferCatalog.Entry("EMPTY", List.of(), List.of("ORD1"), BigDecimal.ONE),
          new OfferCatalog.Entry("A40", List.of(1, 8), List.of("ORD1", "LAS1"), new BigDecimal("1.28")))))
      .build();

  static final class Catalogued extends AbstractProvider {
    Catalogued(ProviderDescriptor d) {
      super(d, ProviderConfig.builder().environment(Map.of()).credentialsDeferred(true).build());
    }

    @Override protected List<Offer> fetchOffers(OfferFilter filter) { return List.of(); }
    @Override protected Instance launchInstance(LaunchRequest request) { throw new AssertionError(); }
    @Override protected void terminateInstance(String instanceId) { throw new AssertionError(); }
    @Override public Optional<Instance> get(String instanceId) { return Optional.empty(); }
    @Override public List<Instance> list() { return List.of(); }
  }

  private final Catalogued provider = new Catalogued(CATALOGUED);

  @Test
  void anOfferIdIsReadBackAndAMalformedOneShowsAnIdOfTheCatalog() {
    assertThat(provider.catalogPlacement(LaunchRequest.builder().offerId("A40/8/LAS1").clientToken("t").build()))
        .isEqualTo(new OfferIds.Counted("A40", 8, "LAS1"));
    assertThatThrownBy(() -> provider.catalogPlacement(LaunchRequest.builder().offerId("A40-LAS1").clientToken("t")
        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kubelike offer ids look like 'A40/1/ORD1', got 'A40-LAS1'");
    Catalogued noCatalog = new Catalogued(ProviderDescriptor.builder("bare").baseUrl("https://bare.invalid").build());
    assertThatThrownBy(() -> noCatalog.catalogPlacement(LaunchRequest.builder().offerId("x").clientToken("t").build()))
        .hasMessage("bare offer ids look like '<gpu>/<count>/<region>', got 'x'");
  }

  @Test
  void withoutAnOfferTheRequestsGpuCountAndRegionInTheProvidersNames() {
    assertThat(provider.catalogPlacement(LaunchRequest.builder().gpu("A40-48GB").gpuCount(2).region("us-west")
        .clientToken("t").build())).isEqualTo(new OfferIds.Counted("A40", 2, "LAS1"));
    assertThat(provider.catalogPlacement(LaunchRequest.builder().gpu("A40").region("ORD1").clientToken("t").build()))
        .as("provider names pass through; the count is at least 1").isEqualTo(new OfferIds.Counted("A40", 1, "ORD1"));
    assertThatThrownBy(() -> provider.catalogPlacement(LaunchRequest.builder().gpu("A40").clientToken("t").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kubelike launches need an offerId, or a gpu and a region");
  }
}
