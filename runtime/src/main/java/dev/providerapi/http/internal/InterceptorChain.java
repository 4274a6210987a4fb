package dev.providerapi.http.internal;

import java.io.IOException;
import java.util.List;

/** Runs a list of interceptors in order; the last one must answer without proceeding. */
public final class InterceptorChain implements Interceptor.Chain {
  private final List<Interceptor> interceptors;
  private final int index;
  private final HttpCall call;

  private InterceptorChain(List<Interceptor> interceptors, int index, HttpCall call) {
    this.interceptors = interceptors;
    this.index = index;
    this.call = call;
  }

  public static HttpResult run(List<Interceptor> interceptors, HttpCall call) throws IOException {
    return new InterceptorChain(List.copyOf(interceptors), 0, call).proceed(call);
  }

  @Override
  public HttpCall call() {
    return call;
  }

  @Override
  public HttpResult proceed(HttpCall next) throws IOException {
    if (index >= interceptors.size()) {
      throw new IllegalStateException("the last interceptor must not call proceed()");
    }
    return interceptors.get(index).intercept(new InterceptorChain(interceptors, index + 1, next));
  }
}
