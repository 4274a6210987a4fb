package dev.providerapi.http.internal;

import dev.providerapi.errors.DeadlineExceededException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.UnexpectedResponseException;
import dev.providerapi.http.Deadline;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The end of the chain: one exchange on the JDK HttpClient, the whole body read into memory (at most
 * {@code maxResponseBytes}). The JDK's request timeout ends when the headers arrive; a body that then stalls
 * would block until the server closes the socket, so the whole exchange, body included, is bounded here by the
 * request timeout or by what is left of the call's deadline, whichever is shorter.
 */
public final class SendInterceptor implements Interceptor {
  /** Headers the JDK client sets itself and refuses to take from us. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

  private final HttpClient client;
  private final Duration requestTimeout;
  private final LimitedBodyHandler bodyHandler;

  public SendInterceptor(HttpClient client, Duration requestTimeout) {
    this(client, requestTimeout, Long.MAX_VALUE);
  }

  public SendInterceptor(HttpClient client, Duration requestTimeout, long maxResponseBytes) {
    this.client = client;
    this.requestTimeout = requestTimeout;
    this.bodyHandler = new LimitedBodyHandler(maxResponseBytes);
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    Deadline deadline = call.deadline();
    Duration left = deadline.remaining();
    if (left.isZero()) {
      throw deadlineExceeded(call, false, "call deadline of " + deadline.budget().toMillis()
          + " ms passed before the request was sent; it was not sent");
    }
    boolean deadlineBinds = left.compareTo(requestTimeout) < 0;
    Duration timeout = deadlineBinds ? left : requestTimeout;
    HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(timeout);
    for (Map.Entry<String, String> h : call.headers().entrySet()) {
      if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        b.header(h.getKey(), h.getValue());
      }
    }
    byte[] body = call.body();
    b.method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(b.build(), bodyHandler);
    try {
      HttpResponse<byte[]> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      byte[] bytes = response.body() == null ? new byte[0] : response.body();
      return new HttpResult(response.statusCode(), response.headers().map(), bytes,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw timedOut(call, deadline, deadlineBinds, timeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LimitedBodyHandler.TooLargeException tooLarge) {
        throw new UnexpectedResponseException(new ErrorDetails(call.provider(), call.operation().id(),
            tooLarge.status, null, tooLarge.getMessage(), null, false, null), tooLarge);
      }
      if (cause instanceof HttpTimeoutException) {
        throw timedOut(call, deadline, deadlineBinds, timeout);
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    }
  }

  private static IOException timedOutIo(Duration timeout) {
    return new HttpTimeoutException("no complete response (headers and body) within " + timeout.toMillis() + " ms");
  }

  private static RuntimeException deadlineExceeded(HttpCall call, boolean sent, String message) {
    return new DeadlineExceededException(new ErrorDetails(call.provider(), call.operation().id(), 0, null, message,
        null, false, null), call.deadline().budget(), sent, null);
  }

  /** The request timeout is a network failure (mapped and maybe retried); the deadline ends the call. */
  private static IOException timedOut(HttpCall call, Deadline deadline, boolean deadlineBinds, Duration timeout) {
    if (deadlineBinds) {
      throw deadlineExceeded(call, true, "call deadline of " + deadline.budget().toMillis()
          + " ms reached while waiting for the response (headers and body)"
          + (call.operation().idempotent() ? "" : "; the request may have been applied"));
    }
    return timedOutIo(timeout);
  }
}
