package dev.providerapi.http.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A response as the chain sees it: status, headers (case-insensitive names) and the whole body. */
public final class HttpResult {
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Duration duration;

  public HttpResult(int status, Map<String, List<String>> headers, byte[] body, Duration duration) {
    this.status = status;
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> {
      if (k != null) {
        h.put(k, List.copyOf(v));
      }
    });
    this.headers = Collections.unmodifiableMap(h);
    this.body = body;
    this.duration = duration;
  }

  public int status() {
    return status;
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "HttpResult[" + status + ", " + body.length + " bytes]";
  }
}
