package dev.providerapi.errors;

import dev.providerapi.Capability;

/** A call to behaviour the provider does not have; {@code provider.supports(capability)} reads false. */
public class UnsupportedCapabilityException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final Capability capability;

  public UnsupportedCapabilityException(String provider, Capability capability) {
    super(provider + " does not support " + capability + " (check provider.supports(Capability."
        + capability + ") first)");
    this.provider = provider;
    this.capability = capability;
  }

  public String provider() {
    return provider;
  }

  public Capability capability() {
    return capability;
  }
}
