package dev.providerapi.broker;

/** The ledger could not be read or written; says which ledger (never its password) and what failed. */
public final class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }

  public LedgerException(String message) {
    super(message);
  }
}
