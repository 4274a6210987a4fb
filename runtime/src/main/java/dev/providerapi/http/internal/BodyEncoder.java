package dev.providerapi.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request body -> bytes: byte[] and String as given, a Map as a form when the content type says so, else JSON. */
public final class BodyEncoder {
  private BodyEncoder() {}

  public static byte @Nullable [] encode(@Nullable Object body, String contentType, ObjectMapper mapper) {
    if (body == null) {
      return null;
    }
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    if (body instanceof Map<?, ?> map
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getKey() == null || e.getValue() == null) {
          continue;
        }
        Iterable<?> values = e.getValue() instanceof Iterable<?> it ? it : java.util.List.of(e.getValue());
        for (Object v : values) {
          if (v == null) {
            continue;
          }
          sb.append(sb.length() == 0 ? "" : "&").append(UrlBuilder.encodeQuery(String.valueOf(e.getKey())))
              .append('=').append(UrlBuilder.encodeQuery(String.valueOf(v)));
        }
      }
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      // The message names the type and property, never the values.
      throw new IllegalArgumentException("cannot serialize request body of type " + body.getClass().getName()
          + ": " + e.getOriginalMessage(), e);
    }
  }
}
