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

  public static ApiRequest empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, String> pathParams() {
    return pathParams;
  }

  public List<Map.Entry<String, String>> queryParams() {
    return queryParams;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public @Nullable Object body() {
    return body;
  }

  public String contentType() {
    return contentType;
  }

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

    public Builder header(String name, @Nullable Object value) {
      if (value != null) {
        headers.put(name, text(value));
      }
      return this;
    }

    public Builder body(@Nullable Object body) {
      this.body = body;
      return this;
    }

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

    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
