package dev.providerapi.bench;

import dev.providerapi.Provider;
import dev.providerapi.Providers;
import dev.providerapi.broker.Fleet;
import dev.providerapi.broker.FleetOffers;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.sandbox.FaultKind;
import dev.providerapi.sandbox.Op;
import dev.providerapi.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fleet offers over every sandbox fake, each offers request delayed by its own injected latency. Per round it
 * times every provider alone (one after the other), then the fleet call over all of them; it prints the medians, the
 * slowest provider alone, the sum, and the fleet's cost over the slowest. The promise: the slowest plus under 10%,
 * not the sum. A harness, not a test: run {@code bench/run-broker.sh}.
 */
public final class FleetOffersHarness {
  /** Injected latency per offers request. Paperspace asks once per machine type, so its offers cost a multiple. */
  static final Map<String, Duration> LATENCY = new LinkedHashMap<>();

  static {
    LATENCY.put("lambda", Duration.ofMillis(150));
    LATENCY.put("vast", Duration.ofMillis(250));
    LATENCY.put("paperspace", Duration.ofMillis(5));
    LATENCY.put("runpod", Duration.ofMillis(200));
    LATENCY.put("tensordock", Duration.ofMillis(300));
    LATENCY.put("hyperstack", Duration.ofMillis(180));
    LATENCY.put("coreweave", Duration.ZERO); // offers from a dated catalog: no request, nothing to delay
  }

  private FleetOffersHarness() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int warmup = 5;
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    try (Sandbox sandbox = Sandbox.start()) {
      List<Provider> providers = new ArrayList<>();
      for (String p : Sandbox.PROVIDERS) {
        if (!LATENCY.getOrDefault(p, Duration.ofMillis(200)).isZero()) {
          sandbox.fake(p).faults().delay(LATENCY.getOrDefault(p, Duration.ofMillis(200))).times(Op.OFFERS, FaultKind.DELAY, 1_000_000);
        }
        // no cache (every round asks), no client-side pacing (the fakes do not limit)
        providers.add(Providers.load(p, sandbox.config(p).rateLimited(false).offersCacheTtl(Duration.ZERO).build()));
      }
      try (Fleet fleet = Fleet.builder().providers(providers).deadline(Duration.ofSeconds(30)).build()) {
        Map<String, long[]> alone = new LinkedHashMap<>();
        providers.forEach(p -> alone.put(p.name(), new long[rounds]));
        long[] slowest = new long[rounds];
        long[] sum = new long[rounds];
        long[] together = new long[rounds];
        int offers = 0;
        for (int r = -warmup; r < rounds; r++) {
          long max = 0;
          long total = 0;
          for (Provider p : providers) {
            long t0 = System.nanoTime();
            p.offers(OfferFilter.any());
            long t = System.nanoTime() - t0;
            max = Math.max(max, t);
            total += t;
            if (r >= 0) {
              alone.get(p.name())[r] = t;
            }
          }
          long t0 = System.nanoTime();
          FleetOffers f = fleet.offers(OfferFilter.any());
          long t = System.nanoTime() - t0;
          if (!f.failures().isEmpty()) {
            throw new IllegalStateException("a provider failed: " + f.failures().get(0).describe());
          }
          offers = f.offers().size();
          if (r >= 0) {
            slowest[r] = max;
            sum[r] = total;
            together[r] = t;
          }
        }
        System.out.printf(Locale.ROOT, "fleet offers over the %d sandbox fakes, %d rounds after %d warm-up, %s%n",
            providers.size(), rounds, warmup, fleet.usesVirtualThreads() ? "virtual threads" : "platform threads (Java 17)");
        System.out.printf(Locale.ROOT, "%-12s %10s %12s%n", "provider", "latency", "alone (med)");
        alone.forEach((name, times) -> System.out.printf(Locale.ROOT, "%-12s %7d ms %9.1f ms%n", name,
            LATENCY.getOrDefault(name, Duration.ofMillis(200)).toMillis(), median(times)));
        double s = median(slowest);
        double all = median(together);
        System.out.printf(Locale.ROOT, "slowest alone (median of per-round max): %8.1f ms%n", s);
        System.out.printf(Locale.ROOT, "sum of all alone (median):               %8.1f ms%n", median(sum));
        System.out.printf(Locale.ROOT, "fleet, all at once (median):             %8.1f ms  (%d offers merged)%n", all,
            offers);
        System.out.printf(Locale.ROOT, "fleet over slowest: %+.1f%% (promise: under +10%%)%n", (all / s - 1) * 100);
      }
    }
  }

  static double median(long[] nanos) {
    long[] c = nanos.clone();
    Arrays.sort(c);
    double m = c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2.0;
    return m / 1e6;
  }
}
