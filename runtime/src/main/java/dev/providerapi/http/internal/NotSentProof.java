package dev.providerapi.http.internal;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Whether a network failure proves the request never reached the provider, so even a non-idempotent call
 * (launch) may be repeated: the connection was refused, or could not be opened in time, or the chain stopped it
 * before sending ({@link NotSentException}). A read timeout or a
 * reset proves nothing: the provider may have acted.
 */
public final class NotSentProof {
  private NotSentProof() {}

  public static boolean provesNotSent(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException || t instanceof NotSentException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
