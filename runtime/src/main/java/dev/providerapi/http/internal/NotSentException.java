package dev.providerapi.http.internal;

import java.io.IOException;

/** The chain stopped a request before it was sent (the rate-limit store failed, say): proof nothing was applied. */
public final class NotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  public NotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
