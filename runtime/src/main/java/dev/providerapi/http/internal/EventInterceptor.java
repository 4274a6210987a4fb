package dev.providerapi.http.internal;

import dev.providerapi.ProviderEvent;
import dev.providerapi.ProviderListener;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.ProviderException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Reports each attempt (after error mapping, so failures carry their kind) and deprecation headers. */
public final class EventInterceptor implements Interceptor {
  private final ProviderListener listener;
  private final Redactor redactor;
  private final Set<String> deprecationReported = ConcurrentHashMap.newKeySet();

  public EventInterceptor(ProviderListener listener, Redactor redactor) {
    this.listener = listener;
    this.redactor = redactor;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    HttpCall call = chain.call();
    long start = System.nanoTime();
    HttpResult result;
    try {
      result = chain.proceed(call);
    } catch (ProviderException e) {
      attempt(call, e.httpStatus(), e.kind(), start);
      throw e;
    } catch (IOException | RuntimeException e) {
      attempt(call, 0, ErrorKind.UNEXPECTED_RESPONSE, start);
      throw e;
    }
    attempt(call, result.status(), null, start);
    String deprecation = result.header("Deprecation");
    String sunset = result.header("Sunset");
    if ((deprecation != null || sunset != null) && deprecationReported.add(call.operation().id())) {
      ProviderListener.emit(listener, new ProviderEvent.Deprecation(call.provider(), call.operation().id(),
          redactor.redact(deprecation), redactor.redact(sunset)));
    }
    return result;
  }

  private void attempt(HttpCall call, int status, ErrorKind error, long start) {
    ProviderListener.emit(listener, new ProviderEvent.Attempt(call.provider(), call.operation().id(), call.method(),
        status, error, Duration.ofNanos(System.nanoTime() - start)));
  }
}
