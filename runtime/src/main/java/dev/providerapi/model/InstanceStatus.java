package dev.providerapi.model;

/** Our lifecycle states; each provider maps its own values onto these in provider.yaml. */
public enum InstanceStatus {
  /** Requested; the provider has not yet started provisioning. */
  PENDING,
  /** Being provisioned or booted. */
  PROVISIONING,
  /** Up and running. */
  RUNNING,
  /** Being stopped. */
  STOPPING,
  /** Stopped; may still bill for storage and can be started again. */
  STOPPED,
  /** Being terminated. */
  TERMINATING,
  /** Gone for good; no longer billing. */
  TERMINATED,
  /** Failed or unhealthy; may still bill until terminated. */
  FAILED,
  /** The provider's status has no mapping, or none was given. */
  UNKNOWN;

  /**
   * True only for TERMINATED: gone for good and no longer billing. FAILED is not final: a failed or unhealthy
   * instance may still bill until it is terminated.
   *
   * @return true if this is {@link #TERMINATED}
   */
  public boolean isFinal() {
    return this == TERMINATED;
  }
}
