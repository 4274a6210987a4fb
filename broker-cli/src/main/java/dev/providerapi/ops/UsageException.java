package dev.providerapi.ops;

/** Bad arguments or configuration, found before anything was sent: exit 2 with the message, no stack trace. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
