package dev.providerapi.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The values of one call: path parameters, query parameters (a collection value repeats the parameter),
 * headers and an optional body (serialized with the client's ObjectMapper unless it is a {@code byte[]} or a
 * {@code String}). Null values are left out.
 */
public final class ApiRequest {
  private static final ApiRequest EMPTY = builder().build();

  private final Map<String, String> pathParams;
  private final List<Map.Entry<String, String>> queryParams;
  private final Map<String, String> headers;
  private final @Nullable Object body;
  private final String contentType;

  private ApiRequest(Builder b) {
    this.pathParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.pathParams));
    this.queryParams = List.copyOf(b.queryParams);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.body = b.body;
    this.contentType = b.contentType;
  }

  /**
   * A request with no parameters, headers or body.
   *
   * @return the shared empty request
   */
  public static ApiRequest empty() {
    return EMPTY;
  }

  /**
   * A builder with content type {@code application/json} and nothing else set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The path parameters, by name, as text.
   *
   * @return the parameters (unmodifiable)
   */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /**
   * The query parameters in order; a repeated name appears once per value.
   *
   * @return the name/value pairs (unmodifiable)
   */
  public List<Map.Entry<String, String>> queryParams() {
    return queryParams;
  }

  /**
   * The extra headers, by name.
   *
   * @return the headers (unmodifiable)
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The body: a {@code byte[]} or {@code String} sent as it is, anything else serialized as JSON.
   *
   * @return the body, or null for none
   */
  public @Nullable Object body() {
    return body;
  }

  /**
   * The body's content type.
   *
   * @return the content type (default {@code application/json})
   */
  public String contentType() {
    return contentType;
  }

  /** Builds an {@link ApiRequest}; null values are left out, except for path parameters, which refuse them. */
  public static final class Builder {
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> queryParams = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable Object body;
    private String contentType = "application/json";

    private Builder() {}

    /**
     * A path parameter. A null or blank value (an instance id the caller lost, say) is refused here, before
     * anything is sent: {@code DELETE /instances/null} must never go out, let alone "succeed".
     *
     * @throws IllegalArgumentException when {@code value} is null or its text is blank
     *
     * @param name the parameter's name in the path template
     * @param value the value, sent as its text
     * @return this builder
     */
    public Builder path(String name, @Nullable Object value) {
      String text = value == null ? null : text(value);
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("path parameter '" + name + "' must not be "
            + (value == null ? "null" : "blank"));
      }
      pathParams.put(name, text);
      return this;
    }

    /**
     * Adds a query parameter; an {@link Iterable} (other than a non-array JSON node) repeats it once per non-null
     * element, and a null value adds nothing.
     *
     * @param name the parameter's name
     * @param value the value, a collection of values, or null
     * @return this builder
     */
    public Builder query(String name, @Nullable Object value) {
      // A JsonNode is Iterable too: only a JSON array repeats the parameter; any other node is one value.
      if (value instanceof Iterable<?> values
          && (!(value instanceof com.fasterxml.jackson.databind.JsonNode node) || node.isArray())) {
        for (Object v : values) {
          if (v != null) {
            queryParams.add(Map.entry(name, text(v)));
          }
        }
      } else if (value != null) {
        queryParams.add(Map.entry(name, text(value)));
      }
      return this;
    }

    /**
     * Sets a header; a null value sets nothing.
     *
     * @param name the header's name
     * @param value the value, sent as its text, or null
     * @return this builder
     */
    public Builder header(String name, @Nullable Object value) {
      if (value != null) {
        headers.put(name, text(value));
      }
      return this;
    }

    /**
     * Sets the body.
     *
     * @param body the body, or null for none
     * @return this builder
     */
    public Builder body(@Nullable Object body) {
      this.body = body;
      return this;
    }

    /**
     * Sets the body's content type.
     *
     * @param contentType the content type
     * @return this builder
     */
    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** A scalar JSON value (a parameter the spec leaves untyped) goes as its text, not as quoted JSON. */
    private static String text(Object value) {
      if (value instanceof com.fasterxml.jackson.databind.JsonNode node && node.isValueNode()) {
        return node.asText();
      }
      return String.valueOf(value);
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
