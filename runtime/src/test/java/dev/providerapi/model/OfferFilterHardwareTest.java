package dev.providerapi.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.spi.OfferMatcher;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfferFilterHardwareTest {
  final GpuCatalog catalog = GpuCatalog.standard();
  final OfferMatcher matcher = new OfferMatcher(catalog,
      r -> Map.of("us-east-1", "us-east", "us-west-2", "us-west").getOrDefault(r, r));

  Offer.Builder offer(String id, String gpu, int count, String onDemand) {
    return Offer.builder("acme", id).gpu(catalog.resolve("runpod", gpu)).gpuCount(count).region("us-east-1")
        .pricing(Pricing.onDemand(new BigDecimal(onDemand), count));
  }

  @Test
  void minimumsExcludeOffersBelowOrNotStatingTheFigure() {
    Offer big = offer("big", "NVIDIA H100 80GB HBM3", 1, "2.99").vcpus(26).memoryGib(new BigDecimal("200"))
        .diskGib(new BigDecimal("1000")).build();
    Offer bare = offer("bare", "NVIDIA H100 80GB HBM3", 1, "2.99").build();
    OfferFilter wants = OfferFilter.builder().minVcpus(16).minMemoryGib(new BigDecimal("128"))
        .minDiskGib(new BigDecimal("500")).build();
    assertThat(matcher.matches(big, wants)).isTrue();
    assertThat(matcher.matches(bare, wants)).isFalse();
    assertThat(matcher.matches(big, OfferFilter.builder().minVcpus(27).build())).isFalse();
    assertThat(matcher.matches(big, OfferFilter.builder().minMemoryGib(new BigDecimal("200.5")).build())).isFalse();
    assertThat(matcher.matches(big, OfferFilter.builder().minDiskGib(new BigDecimal("1001")).build())).isFalse();
  }

  @Test
  void gpuMemoryComesFromTheCanonicalGpu() {
    Offer h100 = offer("h100", "NVIDIA H100 80GB HBM3", 1, "2.99").build();
    assertThat(h100.gpu().memoryGb()).isEqualTo(80);
    assertThat(matcher.matches(h100, OfferFilter.builder().minGpuMemoryGb(80).build())).isTrue();
    assertThat(matcher.matches(h100, OfferFilter.builder().minGpuMemoryGb(81).build())).isFalse();
    Offer unknown = Offer.builder("acme", "x").gpu(catalog.resolve("runpod", "Mystery GPU")).gpuCount(1)
        .pricing(Pricing.onDemand(BigDecimal.ONE, 1)).build();
    assertThat(matcher.matches(unknown, OfferFilter.builder().minGpuMemoryGb(1).build())).isFalse();
  }

  @Test
  void interconnectIsTheStatedDetailElseTheFormFactor() {
    Offer sxm = offer("sxm", "NVIDIA H100 80GB HBM3", 8, "23.92").build();
    assertThat(sxm.gpu().formFactor()).isEqualToIgnoringCase("SXM");
    assertThat(matcher.matches(sxm, OfferFilter.builder().interconnect("sxm").build())).isTrue();
    assertThat(matcher.matches(sxm, OfferFilter.builder().interconnect("PCIe").build())).isFalse();
    Offer ib = offer("ib", "NVIDIA H100 80GB HBM3", 8, "23.92").detail("interconnect", "InfiniBand").build();
    assertThat(matcher.matches(ib, OfferFilter.builder().interconnect("infiniband").build())).isTrue();
    assertThat(matcher.matches(ib, OfferFilter.builder().interconnect("SXM").build())).isFalse();
  }

  @Test
  void canonicalRegionMatchesOnlyTheCanonicalName() {
    Offer east = offer("e", "NVIDIA H100 80GB HBM3", 1, "2.99").build();
    assertThat(matcher.matches(east, OfferFilter.builder().canonicalRegion("us-east").build())).isTrue();
    assertThat(matcher.matches(east, OfferFilter.builder().canonicalRegion("us-west").build())).isFalse();
    Offer nowhere = offer("n", "NVIDIA H100 80GB HBM3", 1, "2.99").region(null).build();
    assertThat(matcher.matches(nowhere, OfferFilter.builder().canonicalRegion("us-east").build())).isFalse();
  }

  @Test
  void theFiveFieldConstructorLeavesTheNewFieldsUnset() {
    OfferFilter old = new OfferFilter("H100", 8, "us-east", BigDecimal.TEN, Market.SPOT);
    assertThat(old).isEqualTo(OfferFilter.builder().gpu("H100").gpuCount(8).region("us-east")
        .maxPricePerHour(BigDecimal.TEN).market(Market.SPOT).build());
    assertThat(old.effectiveSort()).isEqualTo(OfferSort.PRICE_PER_GPU_HOUR);
  }

  @Test
  void sortByPricePerGpuHourThenPerHourThenProviderAndId() {
    Offer eightCheapPerGpu = offer("8x", "NVIDIA H100 80GB HBM3", 8, "16.00").build(); // 2.00 per GPU
    Offer oneAtTwo = offer("1x", "NVIDIA H100 80GB HBM3", 1, "2.00").build(); // 2.00 per GPU, 2.00 per hour
    Offer oneAtThree = offer("3", "NVIDIA H100 80GB HBM3", 1, "3.00").build();
    Offer spotOnly = Offer.builder("zeta", "s").gpu(catalog.resolve("runpod", "NVIDIA H100 80GB HBM3"))
        .gpuCount(1).pricing(new Pricing(null, new BigDecimal("1.00"), 1)).build();
    List<Offer> offers = new ArrayList<>(List.of(oneAtThree, eightCheapPerGpu, spotOnly, oneAtTwo));

    offers.sort(OfferSort.PRICE_PER_GPU_HOUR.comparator(Market.ON_DEMAND));
    assertThat(offers).extracting(Offer::id).containsExactly("1x", "8x", "3", "s");

    offers.sort(OfferSort.PRICE_PER_GPU_HOUR.comparator(null));
    assertThat(offers).extracting(Offer::id).containsExactly("s", "1x", "8x", "3");

    offers.sort(OfferSort.PRICE_PER_HOUR.comparator(Market.ON_DEMAND));
    assertThat(offers).extracting(Offer::id).containsExactly("1x", "3", "8x", "s");

    offers.sort(OfferSort.GPU_COUNT.comparator(null));
    assertThat(offers).extracting(Offer::id).containsExactly("8x", "s", "1x", "3");
  }
}
