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

  /** The deadline's budget. */
  private final Duration budget;
  /** Whether this call's request left the client. */
  private final boolean sent;

  /**
   * A call that ran out of its deadline.
   *
   * @param details what is known of the call
   * @param budget the deadline's total budget
   * @param sent true if the request had left the client when time ran out, false if it was never sent
   * @param cause the last failure before time ran out, or null
   */
  public DeadlineExceededException(ErrorDetails details, Duration budget, boolean sent, @Nullable Throwable cause) {
    super(details, cause);
    this.budget = budget;
    this.sent = sent;
  }

  /**
   * The deadline's budget (for instance {@code ProviderConfig.callTimeout}).
   *
   * @return the budget
   */
  public Duration budget() {
    return budget;
  }

  /**
   * False when time ran out before this call's request left the client (safe to repeat).
   *
   * @return true if the request was sent and may have been applied
   */
  public boolean sent() {
    return sent;
  }
}
