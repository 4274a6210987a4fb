package dev.providerapi.http.internal;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.providerapi.ProviderEvent;
import dev.providerapi.ProviderListener;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ProviderUnavailableException;
import java.io.IOException;
import java.time.Duration;

/**
 * Stops sending once the provider has failed several times in a row (5xx, network), so a broker gets an
 * answer at once instead of waiting out timeouts; after {@code delay} one trial call goes through.
 */
public final class CircuitBreakerInterceptor implements Interceptor {
  private final CircuitBreaker<HttpResult> breaker;
  private final int threshold;
  private final Duration delay;

  public CircuitBreakerInterceptor(int threshold, Duration delay) {
    this(threshold, delay, "", ProviderListener.NONE);
  }

  public CircuitBreakerInterceptor(int threshold, Duration delay, String provider, ProviderListener listener) {
    this.threshold = threshold;
    this.delay = delay;
    this.breaker = CircuitBreaker.<HttpResult>builder()
        .handleIf((result, failure) -> failure instanceof ProviderUnavailableException)
        .withFailureThreshold(threshold)
        .withDelay(delay)
        .withSuccessThreshold(1)
        .onOpen(e -> ProviderListener.emit(listener, new ProviderEvent.CircuitChange(provider, true)))
        .onClose(e -> ProviderListener.emit(listener, new ProviderEvent.CircuitChange(provider, false)))
        .build();
  }

  public boolean isOpen() {
    return breaker.isOpen();
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
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
    }
  }
}
