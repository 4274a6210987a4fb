package dev.providerapi.lifecycle;

import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.ProviderException;
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

  /**
   * A success answer missing what the operation must return (an id, the instance, a cursor that ends).
   *
   * @param provider the provider's name
   * @param operation the operation id
   * @param message what is missing or wrong
   * @return the failure, with HTTP status 200
   */
  public static UnexpectedResponseException unexpected(String provider, String operation, String message) {
    return new UnexpectedResponseException(new ErrorDetails(provider, operation, 200, null, message, null, false,
        null), null);
  }

  /**
   * No offer fits the request right now: a broker fails over on this type, another provider may have some.
   *
   * @param provider the provider's name
   * @param operation the operation id
   * @param message what was asked for
   * @param cause the underlying failure, or null
   * @return the failure, with HTTP status 0
   */
  public static CapacityUnavailableException noCapacity(String provider, String operation, String message,
      @Nullable Throwable cause) {
    return new CapacityUnavailableException(new ErrorDetails(provider, operation, 0, null, message, null, false,
        null), cause);
  }

  /**
   * The instance a call just changed could not be found when read back.
   *
   * @param provider the provider's name
   * @param operation the operation id
   * @param instanceId the instance's id
   * @return the failure, with HTTP status 404
   */
  public static NotFoundException gone(String provider, String operation, String instanceId) {
    return new NotFoundException(new ErrorDetails(provider, operation, 404, null,
        "instance " + instanceId + " not found after " + operation, null, false, null), null);
  }

  /**
   * A failure of {@code kind} that the provider reported inside a success answer (an asynchronous event that
   * ended in error, say): HTTP 200, the provider's own code and message.
   *
   * @param kind the kind of the failure
   * @param provider the provider's name
   * @param operation the operation id
   * @param providerCode the provider's error code, or null
   * @param message the provider's message
   * @return the failure, of the subclass for {@code kind}
   */
  public static ProviderException reported(ErrorKind kind, String provider, String operation,
      @Nullable String providerCode, String message) {
    return ProviderException.of(kind, new ErrorDetails(provider, operation, 200, providerCode, message, null, false,
        null), null);
  }

  /**
   * Waits {@code delay} between polls of an operation; an interrupt is kept on the thread and becomes a
   * PROVIDER_UNAVAILABLE failure (the outcome of what was being polled is unknown, so a launch resolves it by
   * its client token).
   *
   * @param sleeper the sleeper to wait with
   * @param delay how long to wait
   * @param provider the provider's name, for the failure
   * @param operation the operation id, for the failure
   * @throws dev.providerapi.errors.ProviderUnavailableException if the thread is interrupted while waiting
   */
  public static void pause(dev.providerapi.http.Sleeper sleeper, java.time.Duration delay, String provider,
      String operation) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.of(ErrorKind.PROVIDER_UNAVAILABLE, new ErrorDetails(provider, operation, 0, null,
          "interrupted while polling " + operation, null, false, null), e);
    }
  }

  /**
   * The answer of a call that must have a body; an empty one is an {@link UnexpectedResponseException}.
   *
   * @param <T> the answer's type
   * @param answer the decoded answer, or null
   * @param provider the provider's name
   * @param operation the operation id
   * @return {@code answer}, never null
   * @throws UnexpectedResponseException if {@code answer} is null
   */
  public static <T> T requireBody(@Nullable T answer, String provider, String operation) {
    if (answer == null) {
      throw unexpected(provider, operation, "the answer had no body");
    }
    return answer;
  }
}
