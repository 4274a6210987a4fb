package dev.providerapi.http.internal;

import dev.providerapi.errors.RateLimitedException;
import java.io.IOException;
import java.io.InterruptedIOException;

/** Waits for a token before each attempt, and slows everyone down after a 429. */
public final class RateLimitInterceptor implements Interceptor {
  private final RateLimiter limiter;

  public RateLimitInterceptor(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    try {
      limiter.acquire(chain.call().operation().id());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a rate-limit token");
    }
    try {
      HttpResult result = chain.proceed(chain.call());
      limiter.onSuccess();
      return result;
    } catch (RateLimitedException e) {
      limiter.onRateLimited(e.retryAfter().orElse(null));
      throw e;
    }
  }
}
