package dev.providerapi.http.internal;

import java.io.IOException;
import java.io.InterruptedIOException;

/** Turns error responses and network failures into typed ProviderExceptions (see {@link ErrorMapper}). */
public final class ErrorMappingInterceptor implements Interceptor {
  private final ErrorMapper mapper;

  public ErrorMappingInterceptor(ErrorMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    HttpResult result;
    try {
      result = chain.proceed(chain.call());
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e;
      }
      throw mapper.mapNetworkFailure(chain.call().operation(), e);
    } catch (IOException e) {
      throw mapper.mapNetworkFailure(chain.call().operation(), e);
    }
    var error = mapper.map(chain.call().operation(), result);
    if (error.isPresent()) {
      throw error.get();
    }
    return result;
  }
}
