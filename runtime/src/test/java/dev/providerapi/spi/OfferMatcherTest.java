package dev.providerapi.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfferMatcherTest {
  final GpuCatalog catalog = GpuCatalog.standard();
  final OfferMatcher matcher = new OfferMatcher(catalog,
      r -> Map.of("us-east-1", "us-east", "us-west-2", "us-west").getOrDefault(r, r));

  Offer offer(String gpu, int count, String region, String onDemand, String spot) {
    return Offer.builder("acme", gpu + "-" + count + "-" + region)
        .gpu(catalog.resolve("runpod", gpu)).gpuCount(count).region(region)
        .pricing(new Pricing(onDemand == null ? null : new BigDecimal(onDemand),
            spot == null ? null : new BigDecimal(spot), count))
        .build();
  }

  @Test
  void anEmptyFilterMatchesEverything() {
    assertThat(matcher.matches(offer("NVIDIA H100 80GB HBM3", 8, "us-east-1", "23.92", null), OfferFilter.any()))
        .isTrue();
  }

  @Test
  void gpuByModelOrExactName() {
    Offer h100 = offer("NVIDIA H100 80GB HBM3", 1, "us-east-1", "2.99", null);
    assertThat(matcher.matches(h100, OfferFilter.builder().gpu("H100").build())).isTrue();
    assertThat(matcher.matches(h100, OfferFilter.builder().gpu("H100-SXM-80GB").build())).isTrue();
    assertThat(matcher.matches(h100, OfferFilter.builder().gpu("H100-PCIE-80GB").build())).isFalse();
    assertThat(matcher.matches(h100, OfferFilter.builder().gpu("A100").build())).isFalse();
  }

  @Test
  void gpuCountIsExact() {
    Offer eight = offer("NVIDIA H100 80GB HBM3", 8, "us-east-1", "23.92", null);
    assertThat(matcher.matches(eight, OfferFilter.builder().gpuCount(8).build())).isTrue();
    assertThat(matcher.matches(eight, OfferFilter.builder().gpuCount(1).build())).isFalse();
  }

  @Test
  void regionByProviderOrCanonicalName() {
    Offer east = offer("NVIDIA H100 80GB HBM3", 1, "us-east-1", "2.99", null);
    assertThat(matcher.matches(east, OfferFilter.builder().region("us-east-1").build())).isTrue();
    assertThat(matcher.matches(east, OfferFilter.builder().region("US-EAST").build())).isTrue();
    assertThat(matcher.matches(east, OfferFilter.builder().region("us-west").build())).isFalse();
    Offer nowhere = offer("NVIDIA H100 80GB HBM3", 1, null, "2.99", null);
    assertThat(matcher.matches(nowhere, OfferFilter.builder().region("us-east").build())).isFalse();
  }

  @Test
  void marketNeedsAPriceInThatMarket() {
    Offer onDemandOnly = offer("NVIDIA GeForce RTX 4090", 1, "us-east-1", "0.69", null);
    Offer both = offer("NVIDIA GeForce RTX 4090", 1, "us-east-1", "0.69", "0.35");
    assertThat(matcher.matches(onDemandOnly, OfferFilter.builder().market(Market.SPOT).build())).isFalse();
    assertThat(matcher.matches(both, OfferFilter.builder().market(Market.SPOT).build())).isTrue();
    Offer spotOnly = offer("NVIDIA GeForce RTX 4090", 1, "us-east-1", null, "0.35");
    assertThat(matcher.matches(spotOnly, OfferFilter.builder().market(Market.ON_DEMAND).build())).isFalse();
  }

  @Test
  void maxPriceUsesTheRequestedMarketElseTheCheapest() {
    Offer both = offer("NVIDIA GeForce RTX 4090", 1, "us-east-1", "0.69", "0.35");
    assertThat(matcher.matches(both, OfferFilter.builder().maxPricePerHour(new BigDecimal("0.40")).build())).isTrue();
    assertThat(matcher.matches(both, OfferFilter.builder().maxPricePerHour(new BigDecimal("0.40"))
        .market(Market.ON_DEMAND).build())).isFalse();
    assertThat(matcher.matches(both, OfferFilter.builder().maxPricePerHour(new BigDecimal("0.35"))
        .market(Market.SPOT).build())).isTrue();
    assertThat(matcher.matches(both, OfferFilter.builder().maxPricePerHour(new BigDecimal("0.30")).build())).isFalse();
  }
}
