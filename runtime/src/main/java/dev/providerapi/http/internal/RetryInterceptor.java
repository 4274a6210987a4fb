package dev.providerapi.http.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.providerapi.errors.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Repeats attempts the {@link ErrorMapper} marked retryable (which already encodes whether the operation is
 * idempotent), honouring Retry-After exactly and otherwise backing off exponentially with jitter. A
 * Retry-After longer than {@code maxRetryAfter} is not waited: its RateLimitedException surfaces at once.
 */
public final class RetryInterceptor implements Interceptor {
  private final RetryPolicy<HttpResult> policy;

  public RetryInterceptor(int maxAttempts, Duration baseDelay, Duration maxRetryAfter) {
    this.policy = RetryPolicy.<HttpResult>builder()
        .handleIf((result, failure) -> failure instanceof ProviderException pe && pe.isRetryable())
        .abortIf((result, failure) -> failure instanceof ProviderException pe
            && pe.retryAfter().map(d -> d.compareTo(maxRetryAfter) > 0).orElse(false))
        .withMaxAttempts(maxAttempts)
        .withDelayFn(ctx -> {
          Throwable last = ctx.getLastException();
          if (last instanceof ProviderException pe && pe.retryAfter().isPresent()) {
            return pe.retryAfter().get();
          }
          return Backoff.delay(baseDelay, ctx.getAttemptCount());
        })
        .build();
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    try {
      return Failsafe.with(policy).get(() -> chain.proceed(chain.call()));
    } catch (FailsafeException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to retry");
      }
      throw e;
    }
  }
}
