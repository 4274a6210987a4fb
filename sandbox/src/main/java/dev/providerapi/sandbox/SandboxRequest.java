package dev.providerapi.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request as a fake sees it: the path is relative to the fake's prefix ({@code /lambda/api/v1/x} -> {@code /api/v1/x}).
 *
 * @param method the HTTP method
 * @param path the path under the fake's prefix, without the query
 * @param query the decoded query parameters, each name with its values in order
 * @param headers the headers, names in lower case
 * @param body the body's bytes; empty when there is none
 */
public record SandboxRequest(String method, String path, Map<String, List<String>> query,
    Map<String, String> headers, byte[] body) {

  /**
   * A header's value.
   *
   * @param name the header's name, in any case
   * @return its value; null when the request has no such header
   */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A query parameter's first value.
   *
   * @param name the parameter's name
   * @return its first decoded value; null when the query has no such parameter
   */
  public @Nullable String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The body as text.
   *
   * @return the body decoded as UTF-8
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  static Map<String, List<String>> parseQuery(@Nullable String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v);
    }
    return out;
  }
}
