package dev.providerapi.http.internal;

import dev.providerapi.ProviderEvent;
import dev.providerapi.ProviderListener;
import dev.providerapi.errors.DeadlineExceededException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.errors.RateLimitedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Waits for a token before each attempt, keeps every attempt out of a window a 429 opened, and tells the
 * limiter about each 429 and success with the window its request went out in. No wait is started that would
 * end past the call's deadline.
 */
public final class RateLimitInterceptor implements Interceptor {
  /** Shorter waits are the bucket's bookkeeping, not a wait worth an event. */
  private static final long REPORTED_WAIT_NANOS = Duration.ofMillis(1).toNanos();

  private final RateLimiter limiter;
  private final ProviderListener listener;

  public RateLimitInterceptor(RateLimiter limiter) {
    this(limiter, ProviderListener.NONE);
  }

  public RateLimitInterceptor(RateLimiter limiter, ProviderListener listener) {
    this.limiter = limiter;
    this.listener = listener;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    long start = System.nanoTime();
    long sentIn;
    try {
      sentIn = limiter.acquire(call.operation().id(), call.deadline().remaining());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a rate-limit token");
    } catch (RateLimiter.WaitTooLong e) {
      // Nothing was sent, so a retry (or another create) is safe once the window has closed.
      throw new RateLimitedException(new ErrorDetails(call.provider(), call.operation().id(), 0, null,
          e.getMessage(), null, true, e.remaining()), null);
    } catch (RateLimiter.OutOfTime e) {
      throw new DeadlineExceededException(new ErrorDetails(call.provider(), call.operation().id(), 0, null,
          "call deadline of " + call.deadline().budget().toMillis() + " ms would pass while waiting for the client-side"
              + " rate limit (or a 429 window); the request was not sent", null, false, null),
          call.deadline().budget(), false, null);
    } catch (RuntimeException e) {
      // A shared store (a database, Redis) that cannot be reached: typed, and provably not sent.
      String message = "not sent: the rate-limit store failed: " + e;
      throw new ProviderUnavailableException(new ErrorDetails(call.provider(), call.operation().id(), 0, null,
          message, null, true, null), new NotSentException(message, e));
    }
    long waited = System.nanoTime() - start;
    if (waited >= REPORTED_WAIT_NANOS) {
      ProviderListener.emit(listener, new ProviderEvent.RateLimitWait(call.provider(), call.operation().id(),
          Duration.ofNanos(waited)));
    }
    try {
      HttpResult result = chain.proceed(call);
      limiter.onSuccess(sentIn);
      return result;
    } catch (RateLimitedException e) {
      limiter.onRateLimited(sentIn, e.retryAfter().orElse(null));
      ProviderListener.emit(listener, new ProviderEvent.RateLimited(call.provider(), call.operation().id(),
          e.retryAfter().orElse(null)));
      throw e;
    }
  }
}
