package dev.providerapi.http.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The end of the chain: one exchange on the JDK HttpClient, the whole body read into memory. */
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
    try {
      HttpResponse<byte[]> response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] bytes = response.body() == null ? new byte[0] : response.body();
      return new HttpResult(response.statusCode(), response.headers().map(), bytes,
          Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    }
  }
}
