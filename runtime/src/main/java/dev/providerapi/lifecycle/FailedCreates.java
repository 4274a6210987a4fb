package dev.providerapi.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.UnexpectedResponseException;
import java.io.IOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A create that failed yet names the instance it made in its error body (Vast's {@code new_contract}): that
 * instance exists and bills while the caller is told the launch failed. {@link #destroyReported} destroys it and
 * hands back the create's own error; when the destroy fails too, the error becomes an
 * UnexpectedResponseException naming the instance to destroy by hand, since the original (a capacity error,
 * say) would tell a failover broker that nothing was created.
 */
public final class FailedCreates {
  private static final Logger LOG = LoggerFactory.getLogger(FailedCreates.class);

  private FailedCreates() {}

  /**
   * The error to throw for a failed create.
   *
   * @param idPointer JSON pointer of the created instance's id in the error body ({@code /new_contract})
   * @param terminate destroys an instance by id (idempotent: already gone is success)
   * @param failure the create's failure, whose response body may name the created instance
   * @param json the mapper to read the body with
   * @return {@code failure} itself when the body names no instance or the instance was destroyed; an
   *     UnexpectedResponseException naming the instance when the destroy failed
   */
  public static ProviderException destroyReported(ProviderException failure, String idPointer, ObjectMapper json,
      Consumer<String> terminate) {
    String id = failure.responseBody().map(body -> idIn(body, idPointer, json)).orElse(null);
    if (id == null) {
      return failure;
    }
    ErrorDetails d = failure.details();
    LOG.warn("{} {} failed ({}) but reported instance {}; destroying it", d.provider(), d.operation(),
        failure.getMessage(), id);
    try {
      terminate.accept(id);
      return failure;
    } catch (RuntimeException e) {
      LOG.error("{}: could not destroy instance {} left by a failed {}: {}; destroy it by hand", d.provider(), id,
          d.operation(), e.getMessage());
      UnexpectedResponseException left = new UnexpectedResponseException(new ErrorDetails(d.provider(), d.operation(),
          d.httpStatus(), d.providerCode(), d.providerMessage() + "; " + d.provider() + " still created instance " + id
              + " and destroying it failed (" + e.getMessage() + "): destroy instance " + id + " by hand",
          d.requestId(), false, null, d.responseBody()), failure);
      left.addSuppressed(e);
      return left;
    }
  }

  /** A positive number or non-blank text at the pointer; null when the body names no instance. */
  private static @Nullable String idIn(String body, String pointer, ObjectMapper json) {
    try {
      JsonNode node = json.readTree(body).at(pointer);
      if (node.canConvertToLong()) {
        return node.asLong() > 0 ? String.valueOf(node.asLong()) : null;
      }
      return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
