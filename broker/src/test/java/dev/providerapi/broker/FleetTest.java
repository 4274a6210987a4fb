package dev.providerapi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.OfferSort;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class FleetTest {
  static final String H100 = "NVIDIA H100 80GB HBM3";
  static final String A100 = "NVIDIA A100 80GB PCIe";

  @Test
  void offersAreMergedAndSortedByPricePerGpuHourThenPerHour() {
    ScriptedProvider a = new ScriptedProvider("alpha").offer("a-8x", H100, 8, "20.00").offer("a-1x", H100, 1, "2.60");
    ScriptedProvider b = new ScriptedProvider("beta").offer("b-1x", H100, 1, "2.50").offer("b-2x", H100, 2, "5.00");
    try (Fleet fleet = Fleet.builder().provider(a).provider(b).build()) {
      FleetOffers result = fleet.offers(OfferFilter.any());

      // 2.50 per GPU-hour three times: by price per hour 2.50, 5.00, 20.00; then a-1x at 2.60
      assertThat(result.offers()).extracting(Offer::id).containsExactly("b-1x", "b-2x", "a-8x", "a-1x");
      assertThat(result.providers()).extracting(ProviderResult::provider).containsExactly("alpha", "beta");
      assertThat(result.providers()).allMatch(ProviderResult::ok);
      assertThat(result.provider("alpha").orElseThrow().value()).hasSize(2);
      assertThat(result.failures()).isEmpty();
    }
  }

  @Test
  void theFilterGoesToEveryProviderAndHardwareFieldsAreCheckedAgain() {
    ScriptedProvider a = new ScriptedProvider("alpha").offer("a-h", H100, 1, "2.60").offer("a-a", A100, 1, "1.20");
    ScriptedProvider b = new ScriptedProvider("beta").offer("b-h8", H100, 8, "20.00");
    try (Fleet fleet = Fleet.builder().provider(a).provider(b).build()) {
      assertThat(fleet.offers(OfferFilter.builder().gpu("H100").build()).offers()).extracting(Offer::id)
          .containsExactly("b-h8", "a-h");
      // ScriptedProvider ignores vCPU: the fleet applies it (8 vCPU per GPU in the script)
      assertThat(fleet.offers(OfferFilter.builder().minVcpus(16).build()).offers()).extracting(Offer::id)
          .containsExactly("b-h8");
      assertThat(fleet.offers(OfferFilter.builder().canonicalRegion("us-east").minGpuMemoryGb(80)
          .sort(OfferSort.PRICE_PER_HOUR).market(Market.ON_DEMAND).build()).offers()).extracting(Offer::id)
          .containsExactly("a-a", "a-h", "b-h8");
    }
  }

  @Test
  void aFailingProviderIsReportedWithItsTypedErrorAndTheOthersStillAnswer() {
    ScriptedProvider a = new ScriptedProvider("alpha").offer("a-1x", H100, 1, "2.60");
    ScriptedProvider b = new ScriptedProvider("beta");
    b.offersError = new AuthenticationException(
        new ErrorDetails("beta", "listOffers", 401, null, "bad key", null, false, null), null);
    try (Fleet fleet = Fleet.builder().provider(a).provider(b).build()) {
      FleetOffers result = fleet.offers(OfferFilter.any());

      assertThat(result.offers()).extracting(Offer::id).containsExactly("a-1x");
      ProviderResult<List<Offer>> beta = result.provider("beta").orElseThrow();
      assertThat(beta.outcome()).isEqualTo(ProviderResult.Outcome.FAILED);
      assertThat(beta.error()).isSameAs(b.offersError);
      assertThat(beta.providerError()).containsSame((AuthenticationException) b.offersError);
      assertThat(beta.describe()).isEqualTo("AuthenticationException: beta listOffers: HTTP 401 bad key");
      assertThat(result.failures()).extracting(ProviderResult::provider).containsExactly("beta");
    }
  }

  @Test
  void aSlowProviderTimesOutOnItsOwnDeadlineWithoutDelayingTheRest() {
    ScriptedProvider fast = new ScriptedProvider("fast").offer("f", H100, 1, "2.60");
    ScriptedProvider slow = new ScriptedProvider("slow").offer("s", H100, 1, "1.00");
    slow.latency = Duration.ofSeconds(30);
    ScriptedProvider medium = new ScriptedProvider("medium").offer("m", H100, 1, "2.00");
    medium.latency = Duration.ofMillis(400);
    try (Fleet fleet = Fleet.builder().provider(slow).provider(medium).provider(fast)
        .deadline(Duration.ofSeconds(5)).deadline("slow", Duration.ofMillis(800)).build()) {
      long start = System.nanoTime();
      FleetOffers result = fleet.offers(OfferFilter.any());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(Duration.ofMillis(2500)); // not the slow one's 30 s
      assertThat(result.offers()).extracting(Offer::id).containsExactly("m", "f");
      ProviderResult<List<Offer>> s = result.provider("slow").orElseThrow();
      assertThat(s.outcome()).isEqualTo(ProviderResult.Outcome.TIMED_OUT);
      assertThat(s.error()).isInstanceOf(ProviderDeadlineException.class)
          .hasMessage("slow: no answer within 800 ms; the call was cancelled");
      assertThat(s.elapsed()).isBetween(Duration.ofMillis(800), Duration.ofMillis(2500));
      Duration mediumTook = result.provider("medium").orElseThrow().elapsed();
      assertThat(mediumTook).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(s.elapsed());
      assertThat(result.provider("fast").orElseThrow().elapsed()).isLessThan(mediumTook);
    }
  }

  @Test
  void providersRunInParallelSoTheCallCostsTheSlowestNotTheSum() {
    Fleet.Builder b = Fleet.builder();
    for (int i = 0; i < 6; i++) {
      ScriptedProvider p = new ScriptedProvider("p" + i).offer("o" + i, H100, 1, "2." + i);
      p.latency = Duration.ofMillis(200);
      b.provider(p);
    }
    try (Fleet fleet = b.build()) {
      long start = System.nanoTime();
      FleetOffers result = fleet.offers(OfferFilter.any());
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(result.offers()).hasSize(6);
      assertThat(took).isLessThan(Duration.ofMillis(700)); // the sum would be 1200 ms
    }
  }

  @Test
  void aGivenExecutorIsUsedAndNotShutDown() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      ScriptedProvider a = new ScriptedProvider("alpha").offer("a", H100, 1, "2.60");
      try (Fleet fleet = Fleet.builder().provider(a).executor(pool).build()) {
        assertThat(fleet.offers(OfferFilter.any()).offers()).hasSize(1);
        assertThat(fleet.usesVirtualThreads()).isFalse();
      }
      assertThat(pool.isShutdown()).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDefaultExecutorIsVirtualThreadsOnlyWhereTheJvmHasThem() {
    try (Fleet fleet = Fleet.builder().provider(new ScriptedProvider("alpha")).build()) {
      assertThat(fleet.usesVirtualThreads()).isEqualTo(Runtime.version().feature() >= 21);
    }
  }

  @Test
  void builderRejectsDuplicatesAndNonPositiveDeadlines() {
    assertThatThrownBy(() -> Fleet.builder().provider(new ScriptedProvider("a")).provider(new ScriptedProvider("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("provider 'a' is in the fleet twice");
    assertThatThrownBy(() -> Fleet.builder().deadline("a", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a deadline must be positive, was PT0S");
    try (Fleet fleet = Fleet.builder().provider(new ScriptedProvider("a")).build()) {
      assertThatThrownBy(() -> fleet.require("b")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no provider named 'b' in the fleet; it has [a]");
    }
  }

  @Test
  void maxPriceIsPassedOn() {
    ScriptedProvider a = new ScriptedProvider("alpha").offer("cheap", H100, 1, "2.00").offer("dear", H100, 1, "4.00");
    try (Fleet fleet = Fleet.builder().provider(a).build()) {
      assertThat(fleet.offers(OfferFilter.builder().maxPricePerHour(new BigDecimal("3")).build()).offers())
          .extracting(Offer::id).containsExactly("cheap");
    }
  }
}
