package dev.providerapi.broker;

/** The ledger could not be read or written; says which ledger (never its password) and what failed. */
public final class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure of the ledger caused by {@code cause}.
   *
   * @param message which ledger and what failed
   * @param cause the underlying error (an {@code SQLException} or {@code IOException})
   */
  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A failure of the ledger with no underlying exception.
   *
   * @param message which ledger and what failed
   */
  public LedgerException(String message) {
    super(message);
  }
}
