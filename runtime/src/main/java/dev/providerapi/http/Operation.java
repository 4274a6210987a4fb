package dev.providerapi.http;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One API operation as the generated client declares it. {@code idempotent} decides retry safety: idempotent
 * operations retry on 429/502/503/504 and network errors; the others only when the failure proves nothing was
 * applied (429, connection refused). {@code responseEnvelope} names the member that wraps every success body
 * (Lambda's {@code data}); the client unwraps it before decoding. An envelope starting with {@code /} is a JSON
 * pointer to the payload, for results nested deeper ({@code /data/podStop} of a GraphQL response).
 *
 * @param id the operation id, as in the spec
 * @param method the HTTP method
 * @param pathTemplate the path with {@code {name}} placeholders for path parameters
 * @param idempotent whether repeating the call is safe
 * @param responseEnvelope the member or JSON pointer that wraps the success body; null when it is not wrapped
 */
public record Operation(
    String id,
    String method,
    String pathTemplate,
    boolean idempotent,
    @Nullable String responseEnvelope) {

  /**
   * Checks the required fields.
   *
   * @param id the operation id
   * @param method the HTTP method
   * @param pathTemplate the path template
   * @param idempotent whether repeating the call is safe
   * @param responseEnvelope the envelope, or null
   * @throws NullPointerException if {@code id}, {@code method} or {@code pathTemplate} is null
   */
  public Operation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
  }
}
