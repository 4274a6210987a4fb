package dev.providerapi.http.internal;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.providerapi.ProviderEvent;
import dev.providerapi.ProviderListener;
import dev.providerapi.errors.DeadlineExceededException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ProviderUnavailableException;
import java.io.IOException;
import java.time.Duration;

/**
 * Stops sending once the provider has failed several times in a row (5xx, network), so a broker gets an
 * answer at once instead of waiting out timeouts; after {@code delay} one trial call goes through. The breaker
 * may be shared by every client of an account; an open or close is reported to the listener of the client whose
 * call caused it.
 */
public final class CircuitBreakerInterceptor implements Interceptor {
  /** The listener of the call now running on this thread: the shared breaker's transitions go to it. */
  private static final ThreadLocal<Reporter> REPORTER = new ThreadLocal<>();

  private record Reporter(String provider, ProviderListener listener) {}

  private final CircuitBreaker<HttpResult> breaker;
  private final int threshold;
  private final Duration delay;
  private final Reporter reporter;

  /** A breaker of its own. */
  public CircuitBreakerInterceptor(int threshold, Duration delay) {
    this(newBreaker(threshold, delay), "", ProviderListener.NONE);
  }

  public CircuitBreakerInterceptor(int threshold, Duration delay, String provider, ProviderListener listener) {
    this(newBreaker(threshold, delay), provider, listener);
  }

  /** Around a breaker shared with other clients of the account ({@link #newBreaker}). */
  public CircuitBreakerInterceptor(CircuitBreaker<HttpResult> breaker, String provider, ProviderListener listener) {
    this.breaker = breaker;
    this.threshold = breaker.getConfig().getFailureThreshold();
    this.delay = breaker.getConfig().getDelay();
    this.reporter = new Reporter(provider, listener);
  }

  /**
   * Opens after {@code threshold} consecutive 5xx / network failures, for {@code delay}; one success closes it. A
   * call that ran out of its caller's deadline ({@link DeadlineExceededException}) is not the provider's failure
   * and does not count: a tight budget under load would otherwise open the breaker for every caller of the
   * account (a provider that hangs still counts through {@code requestTimeout}).
   */
  public static CircuitBreaker<HttpResult> newBreaker(int threshold, Duration delay) {
    return CircuitBreaker.<HttpResult>builder()
        .handleIf((result, failure) -> failure instanceof ProviderUnavailableException
            && !(failure instanceof DeadlineExceededException))
        .withFailureThreshold(threshold)
        .withDelay(delay)
        .withSuccessThreshold(1)
        .onOpen(e -> report(true))
        .onClose(e -> report(false))
        .build();
  }

  private static void report(boolean open) {
    Reporter r = REPORTER.get();
    if (r != null) {
      ProviderListener.emit(r.listener(), new ProviderEvent.CircuitChange(r.provider(), open));
    }
  }

  public boolean isOpen() {
    return breaker.isOpen();
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    if (CallScope.current().isPastOpenBreaker()) {
      // A launch's token lookup: sent whatever the breaker says, and not counted by it.
      return chain.proceed(chain.call());
    }
    Reporter previous = REPORTER.get();
    REPORTER.set(reporter);
    try {
      return Failsafe.with(breaker).get(() -> chain.proceed(chain.call()));
    } catch (CircuitBreakerOpenException e) {
      HttpCall call = chain.call();
      throw new ProviderUnavailableException(new ErrorDetails(call.provider(), call.operation().id(), 0, null,
          "circuit open after " + threshold + " consecutive failures; not sent; next trial call in at most "
              + delay.toSeconds() + " s", null, false, null), e);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    } finally {
      if (previous == null) {
        REPORTER.remove();
      } else {
        REPORTER.set(previous);
      }
    }
  }
}
