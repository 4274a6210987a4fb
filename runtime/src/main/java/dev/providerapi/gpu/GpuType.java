package dev.providerapi.gpu;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A GPU by canonical name ({@code H100-SXM-80GB}: model, form factor, memory). A name the catalog does not
 * know passes through with {@code known == false}: {@code canonicalName} is then the provider's raw name.
 *
 * @param canonicalName the canonical name, or the provider's raw name when not known
 * @param model the model ({@code H100}); null when not known
 * @param memoryGb memory per GPU in GB; null when not known
 * @param formFactor the form factor ({@code SXM}, {@code PCIe}, {@code NVL}); null when not known
 * @param known whether the catalog knows the GPU
 * @param providerName the provider's name it was resolved from; null if not resolved from one
 */
public record GpuType(
    String canonicalName,
    @Nullable String model,
    @Nullable Integer memoryGb,
    @Nullable String formFactor,
    boolean known,
    @Nullable String providerName) {

  /**
   * Checks the name.
   *
   * @param canonicalName the canonical name, or the provider's raw name
   * @param model the model, or null
   * @param memoryGb memory per GPU in GB, or null
   * @param formFactor the form factor, or null
   * @param known whether the catalog knows the GPU
   * @param providerName the provider's name, or null
   * @throws NullPointerException if {@code canonicalName} is null
   */
  public GpuType {
    Objects.requireNonNull(canonicalName, "canonicalName");
  }

  /**
   * A GPU the catalog does not know.
   *
   * @param providerName the provider's raw name, used as the canonical name too
   * @return a GPU with {@code known == false} and no model, memory or form factor
   */
  public static GpuType unknown(String providerName) {
    return new GpuType(providerName, null, null, null, false, providerName);
  }

  /**
   * The same GPU, remembering which provider name it was resolved from.
   *
   * @param name the provider's name
   * @return a copy with {@code providerName} set
   */
  public GpuType withProviderName(String name) {
    return new GpuType(canonicalName, model, memoryGb, formFactor, known, name);
  }
}
