package dev.providerapi.broker;

/** Where a launch attempt stands in the ledger. */
public enum LaunchState {
  /** Written before the create is sent; stays so when the broker dies before the answer is recorded. */
  PENDING,
  /** The provider created the instance; {@link LaunchRecord#instanceId()} names it. */
  CREATED,
  /** The provider refused the launch (e.g. no capacity); nothing was created. */
  FAILED,
  /** The launch failed ambiguously: an instance may or may not exist. */
  UNKNOWN,
  /** The instance was terminated by us (reconciler or CLI). */
  TERMINATED;

  /**
   * PENDING or UNKNOWN: the ledger cannot tell whether an instance exists.
   *
   * @return true for PENDING and UNKNOWN, which the reconciler settles
   */
  public boolean open() {
    return this == PENDING || this == UNKNOWN;
  }
}
