package dev.providerapi.tensordock;

import dev.providerapi.gpu.GpuType;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.model.Offer;
import dev.providerapi.model.Pricing;
import dev.providerapi.tensordock.model.Location;
import dev.providerapi.tensordock.model.LocationGpu;
import dev.providerapi.tensordock.model.LocationResources;
import dev.providerapi.tensordock.model.NetworkFeatures;
import dev.providerapi.tensordock.model.ResourcePricing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One TensorDock location as offers: each GPU model there, at every count from 1 to its {@code max_count}
 * (TensorDock sells GPUs by the unit; our filters match exact counts), with ids
 * {@code <gpu v0Name>/<count>/<location id>} ({@link OfferIds.Counted}).
 *
 * <p>A VM is billed for its GPUs and, on top, for its vCPUs, RAM and storage. An offer's price is what the
 * VM {@link TensordockProvider} would launch for it costs per hour: {@code price_per_hr x count} plus the
 * default resources ({@link #defaultResources}) and the minimum storage at the location's per-resource
 * prices. The GPU part alone is kept in the details ({@code gpuPricePerHour}).
 */
final class LocationOffers {
  /** TensorDock refuses smaller disks. */
  static final int MIN_STORAGE_GB = 100;
  /** Launch defaults per GPU, in TensorDock's steps (vCPUs by 2, RAM by 8 GB). */
  static final int VCPUS_PER_GPU = 4;
  static final int RAM_GB_PER_GPU = 16;

  private final String provider;
  private final Function<String, GpuType> gpuType;

  LocationOffers(String provider, Function<String, GpuType> gpuType) {
    this.provider = provider;
    this.gpuType = gpuType;
  }

  /** vCPUs and RAM a launch asks for. */
  record Resources(int vcpus, int ramGb) {}

  List<Offer> of(Location location) {
    List<Offer> out = new ArrayList<>();
    if (location.gpus() == null) {
      return out;
    }
    for (LocationGpu gpu : location.gpus()) {
      int max = gpu.maxCount() == null ? 0 : gpu.maxCount();
      if (gpu.pricePerHr() == null || max < 1) {
        continue; // not deployable here now
      }
      LocationResources limits = gpu.resources();
      for (int count = 1; count <= max; count++) {
        Resources r = defaultResources(count, limits == null ? null : limits.maxVcpus(),
            limits == null ? null : limits.maxRamGb());
        BigDecimal gpuPart = gpu.pricePerHr().multiply(BigDecimal.valueOf(count));
        BigDecimal resourcePart = resourceCost(gpu.pricing(), r, MIN_STORAGE_GB);
        NetworkFeatures net = gpu.networkFeatures();
        out.add(Offer.builder(provider, new OfferIds.Counted(gpu.v0Name(), count, location.id()).toString())
            .instanceType(gpu.v0Name())
            .gpu(gpuType.apply(gpu.v0Name()))
            .gpuCount(count)
            .region(location.id())
            .pricing(Pricing.onDemand(money(gpuPart.add(resourcePart)), count))
            .vcpus(r.vcpus())
            .memoryGib(BigDecimal.valueOf(r.ramGb()))
            .diskGib(BigDecimal.valueOf(MIN_STORAGE_GB))
            .detail("gpuPricePerHour", money(gpuPart).toPlainString())
            .detail("resourcesPricePerHour", money(resourcePart).toPlainString())
            .detail("displayName", gpu.displayName())
            .detail("maxCount", max)
            .detail("maxVcpus", limits == null ? null : limits.maxVcpus())
            .detail("maxRamGb", limits == null ? null : limits.maxRamGb())
            .detail("maxStorageGb", limits == null ? null : limits.maxStorageGb())
            .detail("city", location.city())
            .detail("stateprovince", location.stateprovince())
            .detail("country", location.country())
            .detail("tier", location.tier())
            .detail("dedicatedIpAvailable", net == null ? null : net.dedicatedIpAvailable())
            .detail("portForwardingAvailable", net == null ? null : net.portForwardingAvailable())
            .build());
      }
    }
    return out;
  }

  /** {@value #VCPUS_PER_GPU} vCPUs and {@value #RAM_GB_PER_GPU} GB per GPU, within the location's ceilings. */
  static Resources defaultResources(int count, @Nullable Integer maxVcpus, @Nullable Integer maxRamGb) {
    int vcpus = VCPUS_PER_GPU * count;
    int ram = RAM_GB_PER_GPU * count;
    if (maxVcpus != null && maxVcpus > 0) {
      vcpus = Math.min(vcpus, maxVcpus);
    }
    if (maxRamGb != null && maxRamGb > 0) {
      ram = Math.min(ram, maxRamGb);
    }
    return new Resources(vcpus, ram);
  }

  /** The disk a launch asks for: the caller's size, raised to TensorDock's minimum. */
  static int storageGb(@Nullable Integer diskGb) {
    return diskGb == null ? MIN_STORAGE_GB : Math.max(diskGb, MIN_STORAGE_GB);
  }

  private static BigDecimal resourceCost(@Nullable ResourcePricing p, Resources r, int storageGb) {
    if (p == null) {
      return BigDecimal.ZERO;
    }
    return times(p.perVcpuHr(), r.vcpus())
        .add(times(p.perGbRamHr(), r.ramGb()))
        .add(times(p.perGbStorageHr(), storageGb));
  }

  private static BigDecimal times(@Nullable BigDecimal price, int units) {
    return price == null ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(units));
  }

  /** USD to the tenth of a cent, rounded up: an offer must never look cheaper than it bills. */
  private static BigDecimal money(BigDecimal usd) {
    return usd.setScale(4, RoundingMode.UP).stripTrailingZeros();
  }
}
