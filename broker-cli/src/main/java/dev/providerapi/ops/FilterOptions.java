package dev.providerapi.ops;

import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.OfferSort;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Option;

/** Which offers qualify: the options {@code offers} and {@code launch} share. */
final class FilterOptions {
  @Option(names = "--gpu", paramLabel = "GPU", description = "A canonical GPU name (H100-SXM-80GB) or a model prefix (H100).")
  String gpu;

  @Option(names = "--count", paramLabel = "N", description = "GPUs per instance (launch: default 1; offers: any).")
  Integer count;

  @Option(names = "--max-price", paramLabel = "USD", description = "Highest price per GPU-hour, in USD.")
  BigDecimal maxPrice;

  @Option(names = "--max-hourly", paramLabel = "USD", description = "Highest price per hour for the whole instance, in USD.")
  BigDecimal maxHourly;

  @Option(names = "--spot", description = "Spot (interruptible) prices and launches only.")
  boolean spot;

  @Option(names = "--on-demand", description = "On-demand prices and launches only.")
  boolean onDemand;

  @Option(names = "--region", paramLabel = "REGION", description = "A canonical region (us-east) or a provider's own (us-east-1).")
  String region;

  @Option(names = "--min-gpu-memory", paramLabel = "GB", description = "At least this much memory per GPU.")
  Integer minGpuMemory;

  @Option(names = "--min-vcpus", paramLabel = "N", description = "At least this many vCPUs.")
  Integer minVcpus;

  @Option(names = "--min-ram", paramLabel = "GiB", description = "At least this much RAM.")
  BigDecimal minRam;

  @Option(names = "--min-disk", paramLabel = "GiB", description = "At least this much disk.")
  BigDecimal minDisk;

  @Option(names = "--interconnect", paramLabel = "KIND", description = "SXM, PCIe, NVL, or a provider's stated interconnect.")
  String interconnect;

  @Option(names = "--sort", paramLabel = "ORDER",
      description = "price-per-gpu-hour (default), price-per-hour, gpu-memory or gpu-count.")
  String sort;

  /** The market asked for, or null for both. */
  Market market() {
    if (spot && onDemand) {
      throw new UsageException("--spot and --on-demand exclude each other; give one (or neither, for both)");
    }
    return spot ? Market.SPOT : onDemand ? Market.ON_DEMAND : null;
  }

  /** The filter; {@code launchCount} stands in for --count when none was given (launch's default of 1). */
  OfferFilter toFilter(Integer launchCount) {
    Integer n = count != null ? count : launchCount;
    if (n != null && n < 1) {
      throw new UsageException("--count must be at least 1, got " + n);
    }
    positive("--max-price", maxPrice);
    positive("--max-hourly", maxHourly);
    BigDecimal hourly = maxHourly;
    if (maxPrice != null && n != null) {
      BigDecimal perInstance = maxPrice.multiply(BigDecimal.valueOf(n));
      hourly = hourly == null ? perInstance : hourly.min(perInstance);
    }
    return OfferFilter.builder().gpu(gpu).gpuCount(n).region(region).maxPricePerHour(hourly).market(market())
        .minGpuMemoryGb(minGpuMemory).minVcpus(minVcpus).minMemoryGib(minRam).minDiskGib(minDisk)
        .interconnect(interconnect).sort(sort()).build();
  }

  /** Drops the offers over --max-price per GPU-hour (needed when --count is not given). */
  List<Offer> apply(List<Offer> offers) {
    if (maxPrice == null) {
      return offers;
    }
    Market market = market();
    return offers.stream().filter(o -> {
      BigDecimal p = OfferSort.perGpuHour(o, market);
      return p != null && p.compareTo(maxPrice) <= 0;
    }).toList();
  }

  private OfferSort sort() {
    if (sort == null) {
      return null;
    }
    String s = sort.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    try {
      return OfferSort.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--sort " + sort + ": unknown order; use price-per-gpu-hour, price-per-hour,"
          + " gpu-memory or gpu-count");
    }
  }

  private static void positive(String option, BigDecimal v) {
    if (v != null && v.signum() <= 0) {
      throw new UsageException(option + " must be more than 0, got " + v.toPlainString());
    }
  }
}
