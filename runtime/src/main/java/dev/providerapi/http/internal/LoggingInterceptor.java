package dev.providerapi.http.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs each exchange (method, redacted URL, status, duration) at debug level, and warns once per operation
 * when the provider marks it deprecated ({@code Deprecation} / {@code Sunset} headers): a broker should hear
 * about a sunset date, but not on every call.
 */
public final class LoggingInterceptor implements Interceptor {
  private final HttpLog log;
  private final Redactor redactor;
  private final Set<String> warnedOperations = ConcurrentHashMap.newKeySet();

  public LoggingInterceptor(HttpLog log, Redactor redactor) {
    this.log = log;
    this.redactor = redactor;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    long start = System.nanoTime();
    HttpResult result;
    try {
      result = chain.proceed(call);
    } catch (IOException | RuntimeException e) {
      if (log.debugEnabled()) {
        log.debug(call.provider() + " " + call.operation().id() + ": " + call.method() + " "
            + redactor.redact(call.uri().toString()) + " -> " + e.getClass().getSimpleName() + " after "
            + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
      }
      throw e;
    }
    if (log.debugEnabled()) {
      log.debug(call.provider() + " " + call.operation().id() + ": " + call.method() + " "
          + redactor.redact(call.uri().toString()) + " -> " + result.status() + " in "
          + result.duration().toMillis() + " ms");
    }
    String deprecation = result.header("Deprecation");
    String sunset = result.header("Sunset");
    if ((deprecation != null || sunset != null) && warnedOperations.add(call.operation().id())) {
      log.warn(call.provider() + " marks operation " + call.operation().id() + " (" + call.method() + " "
          + call.operation().pathTemplate() + ") as deprecated"
          + (deprecation != null ? "; Deprecation: " + redactor.redact(deprecation) : "")
          + (sunset != null ? "; Sunset: " + redactor.redact(sunset) : "")
          + (result.header("Link") != null ? "; Link: " + redactor.redact(result.header("Link")) : ""));
    }
    return result;
  }
}
