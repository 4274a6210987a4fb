package dev.providerapi.http;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One API operation as the generated client declares it. {@code idempotent} decides retry safety: idempotent
 * operations retry on 429/502/503/504 and network errors; the others only when the failure proves nothing was
 * applied (429, connection refused). {@code responseEnvelope} names the member that wraps every success body
 * (Lambda's {@code data}); the client unwraps it before decoding. An envelope starting with {@code /} is a JSON
 * pointer to the payload, for results nested deeper ({@code /data/podStop} of a GraphQL response).
 */
public record Operation(
    String id,
    String method,
    String pathTemplate,
    boolean idempotent,
    @Nullable String responseEnvelope) {

  public Operation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
  }
}
