package dev.providerapi.model;

/** How capacity is bought. */
public enum Market {
  /** Pay the listed price; not interrupted by the provider. */
  ON_DEMAND,
  /** Interruptible capacity at a bid or spot price. */
  SPOT
}
