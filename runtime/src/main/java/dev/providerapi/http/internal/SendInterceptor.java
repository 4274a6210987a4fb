package dev.providerapi.http.internal;

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
 * The end of the chain: one exchange on the JDK HttpClient, the whole body read into memory. The JDK's request
 * timeout ends when the headers arrive; a body that then stalls would block until the server closes the socket,
 * so the whole exchange, body included, is bounded by the same request timeout here.
 */
public final class SendInterceptor implements Interceptor {
  /** Headers the JDK client sets itself and refuses to take from us. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

  private final HttpClient client;
  private final Duration requestTimeout;

  public SendInterceptor(HttpClient client, Duration requestTimeout) {
    this.client = client;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(requestTimeout);
    for (Map.Entry<String, String> h : call.headers().entrySet()) {
      if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        b.header(h.getKey(), h.getValue());
      }
    }
    byte[] body = call.body();
    b.method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response = pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
      byte[] bytes = response.body() == null ? new byte[0] : response.body();
      return new HttpResult(response.statusCode(), response.headers().map(), bytes,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no complete response (headers and body) within " + requestTimeout.toMillis()
          + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
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
}
