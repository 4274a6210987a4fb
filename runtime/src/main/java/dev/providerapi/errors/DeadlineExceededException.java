package dev.providerapi.errors;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The call (or the operation around it) ran out of its deadline before a usable answer arrived. Like any
 * {@link ProviderUnavailableException} it proves nothing about whether a state-changing request was applied,
 * unless {@link #sent()} is false. The cause, when there is one, is the last failure before time ran out.
 */
public class DeadlineExceededException extends ProviderUnavailableException {
  private static final long serialVersionUID = 1L;

  private final Duration budget;
  private final boolean sent;

  public DeadlineExceededException(ErrorDetails details, Duration budget, boolean sent, @Nullable Throwable cause) {
    super(details, cause);
    this.budget = budget;
    this.sent = sent;
  }

  /** The deadline's budget (for instance {@code ProviderConfig.callTimeout}). */
  public Duration budget() {
    return budget;
  }

  /** False when time ran out before this call's request left the client (safe to repeat). */
  public boolean sent() {
    return sent;
  }
}
