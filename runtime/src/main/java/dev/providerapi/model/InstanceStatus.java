package dev.providerapi.model;

/** Our lifecycle states; each provider maps its own values onto these in provider.yaml. */
public enum InstanceStatus {
  PENDING,
  PROVISIONING,
  RUNNING,
  STOPPING,
  STOPPED,
  TERMINATING,
  TERMINATED,
  FAILED,
  UNKNOWN;

  /**
   * True only for TERMINATED: gone for good and no longer billing. FAILED is not final: a failed or unhealthy
   * instance may still bill until it is terminated.
   */
  public boolean isFinal() {
    return this == TERMINATED;
  }
}
