package dev.providerapi.http.internal;

import dev.providerapi.http.Deadline;
import dev.providerapi.http.Operation;
import java.time.Duration;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One HTTP request on its way down the chain. Immutable: interceptors derive changed copies. */
public final class HttpCall {
  private static final Duration NO_DEADLINE = Duration.ofDays(365);

  private final String provider;
  private final Operation operation;
  private final URI uri;
  private final Map<String, String> headers;
  private final byte @Nullable [] body;
  private final Deadline deadline;

  /** A call with no deadline of its own (tests, tools); ApiClient always gives one. */
  public HttpCall(String provider, Operation operation, URI uri, Map<String, String> headers, byte @Nullable [] body) {
    this(provider, operation, uri, headers, body, Deadline.after(NO_DEADLINE));
  }

  public HttpCall(String provider, Operation operation, URI uri, Map<String, String> headers, byte @Nullable [] body,
      Deadline deadline) {
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.body = body;
  }

  public String provider() {
    return provider;
  }

  public Operation operation() {
    return operation;
  }

  public String method() {
    return operation.method().toUpperCase(java.util.Locale.ROOT);
  }

  public URI uri() {
    return uri;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte @Nullable [] body() {
    return body;
  }

  /** When the whole call (every attempt, wait and body read) must be done. */
  public Deadline deadline() {
    return deadline;
  }

  public HttpCall withUri(URI newUri) {
    return new HttpCall(provider, operation, newUri, headers, body, deadline);
  }

  public HttpCall withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new HttpCall(provider, operation, uri, h, body, deadline);
  }

  /** Deliberately no URI or header values: both may carry credentials before redaction. */
  @Override
  public String toString() {
    return "HttpCall[" + provider + " " + operation.id() + " " + method() + "]";
  }
}
