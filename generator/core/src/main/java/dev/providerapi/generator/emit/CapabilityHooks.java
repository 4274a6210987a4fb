package dev.providerapi.generator.emit;

import dev.providerapi.Capability;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import java.util.List;

/**
 * The adapter methods a declared capability makes mandatory (each takes the instance id). One table for the
 * generated base, which redeclares them abstract, and for the annotation processor, which names what an
 * adapter is missing.
 */
public final class CapabilityHooks {
  /**
   * A mandatory method: {@code <returns> <name>(String instanceId)}.
   *
   * @param name the method's name
   * @param returns its return type
   */
  public record Hook(String name, Class<?> returns) {}

  private CapabilityHooks() {}

  /**
   * The hooks {@code manifest}'s capabilities make mandatory for the hand-written adapter: those of {@link #of}
   * minus the ones a long-form binding implements in the generated base (stop, start, restart).
   *
   * @param manifest the provider's provider.yaml
   * @param capability a declared capability
   * @return the hooks the adapter must implement for it
   */
  public static List<Hook> mandatory(ProviderManifest manifest, Capability capability) {
    return of(capability).stream().filter(h -> manifest.longForm(h.name()).isEmpty()).toList();
  }

  /**
   * The hooks {@code capability} calls for, bindings aside: stop and start, restart, or billingStatus.
   *
   * @param capability a capability
   * @return its hooks; empty for a capability that needs no adapter method
   */
  public static List<Hook> of(Capability capability) {
    return switch (capability) {
      case STOP_START -> List.of(new Hook("stop", Instance.class), new Hook("start", Instance.class));
      case RESTART -> List.of(new Hook("restart", Instance.class));
      case BILLING_VERIFICATION -> List.of(new Hook("billingStatus", BillingStatus.class));
      default -> List.of();
    };
  }
}
