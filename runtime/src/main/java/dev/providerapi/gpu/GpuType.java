package dev.providerapi.gpu;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A GPU by canonical name ({@code H100-SXM-80GB}: model, form factor, memory). A name the catalog does not
 * know passes through with {@code known == false}: {@code canonicalName} is then the provider's raw name.
 */
public record GpuType(
    String canonicalName,
    @Nullable String model,
    @Nullable Integer memoryGb,
    @Nullable String formFactor,
    boolean known,
    @Nullable String providerName) {

  public GpuType {
    Objects.requireNonNull(canonicalName, "canonicalName");
  }

  public static GpuType unknown(String providerName) {
    return new GpuType(providerName, null, null, null, false, providerName);
  }

  /** The same GPU, remembering which provider name it was resolved from. */
  public GpuType withProviderName(String name) {
    return new GpuType(canonicalName, model, memoryGb, formFactor, known, name);
  }
}
