package dev.providerapi.descriptor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Offers declared in provider.yaml for a provider whose API lists none (CoreWeave) or quotes no price before a
 * machine exists (Paperspace): list
 * prices as data, with the date they were taken, so adapters can offer them marked as catalog prices rather than
 * live quotes.
 *
 * @param asOf when the prices were taken
 * @param source where they were taken from (a URL or a document name)
 * @param note what the prices cover, shown with each offer (e.g. "GPU only; vCPU and RAM billed extra")
 *
 * @param entries the declared GPU classes (copied)
 */
public record OfferCatalog(LocalDate asOf, @Nullable String source, @Nullable String note, List<Entry> entries) {

  /**
   * Checks the date and copies {@code entries}.
   *
   * @param asOf when the prices were taken
   * @param source where they were taken from, or null
   * @param note what the prices cover, or null
   * @param entries the declared GPU classes
   * @throws NullPointerException if {@code asOf} is null
   */
  public OfferCatalog {
    Objects.requireNonNull(asOf, "asOf");
    entries = List.copyOf(entries);
  }

  /**
   * One GPU class at the counts it can be launched with, in the regions that carry it.
   *
   * @param gpu the provider's GPU name (translated through the GPU catalog like any other)
   * @param perGpuHour on-demand list price per GPU-hour
   *
   * @param counts the GPU counts it can be launched with (copied)
   * @param regions the provider regions that carry it (copied)
   */
  public record Entry(String gpu, List<Integer> counts, List<String> regions, BigDecimal perGpuHour) {
    /**
     * Checks the GPU and price and copies the lists.
     *
     * @param gpu the provider's GPU name
     * @param counts the GPU counts
     * @param regions the provider regions
     * @param perGpuHour on-demand list price per GPU-hour
     * @throws NullPointerException if {@code gpu} or {@code perGpuHour} is null
     */
    public Entry {
      Objects.requireNonNull(gpu, "gpu");
      Objects.requireNonNull(perGpuHour, "perGpuHour");
      counts = List.copyOf(counts);
      regions = List.copyOf(regions);
    }
  }
}
