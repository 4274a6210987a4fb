package dev.providerapi.http.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.providerapi.ProviderEvent;
import dev.providerapi.ProviderListener;
import dev.providerapi.errors.DeadlineExceededException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.http.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Repeats attempts the {@link ErrorMapper} marked retryable (which already encodes whether the operation is
 * idempotent), honouring Retry-After exactly and otherwise backing off exponentially with jitter. A
 * Retry-After longer than {@code maxRetryAfter} is not waited: its RateLimitedException surfaces at once.
 *
 * <p>Every wait counts against the call's {@link Deadline}: a retry whose delay would end past it is not
 * made, and the call fails with a {@link DeadlineExceededException} whose cause is the last failure.
 */
public final class RetryInterceptor implements Interceptor {
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxRetryAfter;
  private final ProviderListener listener;

  public RetryInterceptor(int maxAttempts, Duration baseDelay, Duration maxRetryAfter) {
    this(maxAttempts, baseDelay, maxRetryAfter, ProviderListener.NONE);
  }

  public RetryInterceptor(int maxAttempts, Duration baseDelay, Duration maxRetryAfter, ProviderListener listener) {
    this.listener = listener;
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxRetryAfter = maxRetryAfter;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    if (maxAttempts == 1) {
      return chain.proceed(call);
    }
    Deadline deadline = call.deadline();
    // Per call: the delay function must see this call's deadline and remember why it gave up.
    Attempts state = new Attempts();
    RetryPolicy<HttpResult> policy = RetryPolicy.<HttpResult>builder()
        .handleIf((result, failure) -> failure instanceof ProviderException pe && pe.isRetryable())
        .abortIf((result, failure) -> failure instanceof ProviderException pe
            && pe.retryAfter().map(d -> d.compareTo(maxRetryAfter) > 0).orElse(false))
        .withMaxAttempts(maxAttempts)
        .withDelayFn(ctx -> {
          Throwable last = ctx.getLastException();
          Duration delay = last instanceof ProviderException pe && pe.retryAfter().isPresent()
              ? pe.retryAfter().get() : Backoff.delay(baseDelay, ctx.getAttemptCount());
          if (delay.compareTo(deadline.remaining()) >= 0) {
            state.outOfTime = last instanceof ProviderException pe ? pe : null;
            return Duration.ZERO;
          }
          if (last instanceof ProviderException pe) {
            ProviderListener.emit(listener, new ProviderEvent.Retry(call.provider(), call.operation().id(),
                ctx.getAttemptCount(), delay, pe.kind(), pe.httpStatus()));
          }
          return delay;
        })
        .build();
    try {
      return Failsafe.with(policy).get(ctx -> {
        ProviderException last = state.outOfTime;
        if (last != null) {
          throw outOfTime(call, deadline, last, ctx.getAttemptCount());
        }
        return chain.proceed(call);
      });
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

  private static DeadlineExceededException outOfTime(HttpCall call, Deadline deadline, ProviderException last,
      int attempts) {
    ErrorDetails d = last.details();
    String message = "call deadline of " + deadline.budget().toMillis() + " ms leaves no time for another attempt after "
        + attempts + "; last failure: " + d.describe();
    return new DeadlineExceededException(new ErrorDetails(call.provider(), call.operation().id(), d.httpStatus(),
        d.providerCode(), message, d.requestId(), false, null, d.responseBody()), deadline.budget(), true, last);
  }

  private static final class Attempts {
    volatile @Nullable ProviderException outOfTime;
  }
}
