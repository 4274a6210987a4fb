package dev.providerapi.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.ProviderException;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP machinery every generated client calls: retry -> rate limit -> circuit breaker -> auth -> send
 * -> error mapping -> decode, on the JDK HttpClient and Jackson. Thread-safe; one per configured provider.
 */
public final class ApiClient implements AutoCloseable {

  // CONTRACT SKELETON: the runtime implementation replaces the bodies below.
  private final ProviderDescriptor descriptor;
  private final ProviderConfig config;

  private ApiClient(ProviderDescriptor descriptor, ProviderConfig config) {
    this.descriptor = descriptor;
    this.config = config;
  }

  public static ApiClient create(ProviderDescriptor descriptor, ProviderConfig config) {
    return new ApiClient(descriptor, config);
  }

  public ProviderDescriptor descriptor() {
    return descriptor;
  }

  public ProviderConfig config() {
    return config;
  }

  /** The mapper used for bodies: unknown properties ignored, java.time supported, nulls left out. */
  public ObjectMapper objectMapper() {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /**
   * Sends the call and decodes the (unwrapped) success body as {@code type}.
   *
   * @throws ProviderException typed by the provider's declared error format
   */
  public <T> @Nullable T execute(Operation operation, ApiRequest request, Class<T> type) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** As {@link #execute(Operation, ApiRequest, Class)}, for generic types such as {@code List<Instance>}. */
  public <T> @Nullable T execute(Operation operation, ApiRequest request, TypeReference<T> type) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** Sends the call and discards the success body. */
  public void execute(Operation operation, ApiRequest request) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public void close() {}
}
