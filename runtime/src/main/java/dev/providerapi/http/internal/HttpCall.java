package dev.providerapi.http.internal;

import dev.providerapi.http.Operation;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One HTTP request on its way down the chain. Immutable: interceptors derive changed copies. */
public final class HttpCall {
  private final String provider;
  private final Operation operation;
  private final URI uri;
  private final Map<String, String> headers;
  private final byte @Nullable [] body;

  public HttpCall(String provider, Operation operation, URI uri, Map<String, String> headers, byte @Nullable [] body) {
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

  public HttpCall withUri(URI newUri) {
    return new HttpCall(provider, operation, newUri, headers, body);
  }

  public HttpCall withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new HttpCall(provider, operation, uri, h, body);
  }

  /** Deliberately no URI or header values: both may carry credentials before redaction. */
  @Override
  public String toString() {
    return "HttpCall[" + provider + " " + operation.id() + " " + method() + "]";
  }
}
