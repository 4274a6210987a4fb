package dev.providerapi.http.internal;

import java.io.IOException;

/** One step of the HTTP chain, OkHttp style: look at the call, pass it on (or not), look at the result. */
@FunctionalInterface
public interface Interceptor {
  HttpResult intercept(Chain chain) throws IOException;

  /** The rest of the chain from one interceptor's point of view. */
  interface Chain {
    HttpCall call();

    HttpResult proceed(HttpCall call) throws IOException;
  }
}
