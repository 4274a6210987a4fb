package dev.providerapi.http.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a body into memory, up to {@code maxBytes}: a larger one (by Content-Length, or as it streams) fails
 * with {@link TooLargeException} instead of filling the heap.
 */
final class LimitedBodyHandler implements HttpResponse.BodyHandler<byte[]> {
  private final long maxBytes;

  LimitedBodyHandler(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    if (declared > maxBytes) {
      return failing(new TooLargeException(info.statusCode(), maxBytes, declared));
    }
    return new Limited(HttpResponse.BodySubscribers.ofByteArray(), info.statusCode(), maxBytes);
  }

  private static HttpResponse.BodySubscriber<byte[]> failing(TooLargeException e) {
    return new Limited(HttpResponse.BodySubscribers.ofByteArray(), e.status, -1) {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        super.onSubscribe(subscription);
        subscription.cancel();
        delegateError(e);
      }
    };
  }

  /** The body went over the limit; {@code declared} is its Content-Length, or -1 when it was streamed. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;
    final long limit;

    TooLargeException(int status, long limit, long declared) {
      super("response body " + (declared >= 0 ? "of " + declared + " bytes " : "")
          + "over the " + limit + "-byte limit (ProviderConfig.maxResponseBytes)");
      this.status = status;
      this.limit = limit;
    }
  }

  private static class Limited implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> delegate;
    private final int status;
    private final long maxBytes;
    private long received;
    private Flow.Subscription subscription;
    private boolean failed;

    Limited(HttpResponse.BodySubscriber<byte[]> delegate, int status, long maxBytes) {
      this.delegate = delegate;
      this.status = status;
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      if (failed) {
        return;
      }
      for (ByteBuffer b : item) {
        received += b.remaining();
      }
      if (received > maxBytes) {
        failed = true;
        subscription.cancel();
        delegate.onError(new TooLargeException(status, maxBytes, -1));
        return;
      }
      delegate.onNext(item);
    }

    void delegateError(Throwable t) {
      failed = true;
      delegate.onError(t);
    }

    @Override
    public void onError(Throwable throwable) {
      if (!failed) {
        delegate.onError(throwable);
      }
    }

    @Override
    public void onComplete() {
      if (!failed) {
        delegate.onComplete();
      }
    }
  }
}
