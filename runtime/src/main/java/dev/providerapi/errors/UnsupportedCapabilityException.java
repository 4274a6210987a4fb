package dev.providerapi.errors;

import dev.providerapi.Capability;

/** A call to behaviour the provider does not have; {@code provider.supports(capability)} reads false. */
public class UnsupportedCapabilityException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  /** The provider's name. */
  private final String provider;
  /** The capability the provider lacks. */
  private final Capability capability;

  /**
   * A call to a capability {@code provider} does not have.
   *
   * @param provider the provider's name
   * @param capability the missing capability
   */
  public UnsupportedCapabilityException(String provider, Capability capability) {
    super(provider + " does not support " + capability + " (check provider.supports(Capability."
        + capability + ") first)");
    this.provider = provider;
    this.capability = capability;
  }

  /**
   * The provider's name.
   *
   * @return the name
   */
  public String provider() {
    return provider;
  }

  /**
   * The capability the provider lacks.
   *
   * @return the capability
   */
  public Capability capability() {
    return capability;
  }
}
