package dev.providerapi.lifecycle;

import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.errors.UnexpectedResponseException;
import org.jspecify.annotations.Nullable;

/**
 * The typed failures the lifecycle parts raise for a provider answer they cannot use, so no adapter throws
 * IllegalState, IllegalArgument or NullPointer for what a provider said. An answer that was a success on the
 * wire (HTTP 200) but is unusable is an {@link UnexpectedResponseException}: the launch guard treats it as
 * ambiguous and looks the client token up.
 */
public final class Failures {
  private Failures() {}

  /** A success answer missing what the operation must return (an id, the instance, a cursor that ends). */
  public static UnexpectedResponseException unexpected(String provider, String operation, String message) {
    return new UnexpectedResponseException(new ErrorDetails(provider, operation, 200, null, message, null, false,
        null), null);
  }

  /** No offer fits the request right now: a broker fails over on this type, another provider may have some. */
  public static CapacityUnavailableException noCapacity(String provider, String operation, String message,
      @Nullable Throwable cause) {
    return new CapacityUnavailableException(new ErrorDetails(provider, operation, 0, null, message, null, false,
        null), cause);
  }

  /** The instance a call just changed could not be found when read back. */
  public static NotFoundException gone(String provider, String operation, String instanceId) {
    return new NotFoundException(new ErrorDetails(provider, operation, 404, null,
        "instance " + instanceId + " not found after " + operation, null, false, null), null);
  }
}
