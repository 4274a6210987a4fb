package dev.providerapi.http.internal;

import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.RateLimitedException;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Waits for a token before each attempt, keeps every attempt out of a window a 429 opened, and tells the
 * limiter about each 429 and success with the window its request went out in.
 */
public final class RateLimitInterceptor implements Interceptor {
  private final RateLimiter limiter;

  public RateLimitInterceptor(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    long sentIn;
    try {
      sentIn = limiter.acquire(call.operation().id());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a rate-limit token");
    } catch (RateLimiter.WaitTooLong e) {
      // Nothing was sent, so a retry (or another create) is safe once the window has closed.
      throw new RateLimitedException(new ErrorDetails(call.provider(), call.operation().id(), 0, null,
          e.getMessage(), null, true, e.remaining()), null);
    }
    try {
      HttpResult result = chain.proceed(call);
      limiter.onSuccess(sentIn);
      return result;
    } catch (RateLimitedException e) {
      limiter.onRateLimited(sentIn, e.retryAfter().orElse(null));
      throw e;
    }
  }
}
