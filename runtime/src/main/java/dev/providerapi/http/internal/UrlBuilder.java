package dev.providerapi.http.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Base URL + path template with percent-encoded {@code {name}} parameters + query parameters. */
public final class UrlBuilder {
  private UrlBuilder() {}

  public static URI build(URI baseUrl, String pathTemplate, Map<String, String> pathParams,
      List<Map.Entry<String, String>> queryParams) {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    StringBuilder url = new StringBuilder(base);
    if (!pathTemplate.isEmpty() && !pathTemplate.startsWith("/")) {
      url.append('/');
    }
    int i = 0;
    while (i < pathTemplate.length()) {
      char c = pathTemplate.charAt(i);
      if (c == '{') {
        int end = pathTemplate.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed '{' in path template " + pathTemplate);
        }
        String name = pathTemplate.substring(i + 1, end);
        String value = pathParams.get(name);
        if (value == null) {
          throw new IllegalArgumentException("path parameter '" + name + "' of " + pathTemplate + " has no value");
        }
        url.append(encodePathSegment(value));
        i = end + 1;
      } else {
        url.append(c);
        i++;
      }
    }
    String sep = url.indexOf("?") >= 0 ? "&" : "?";
    for (Map.Entry<String, String> q : queryParams) {
      url.append(sep).append(encodeQuery(q.getKey())).append('=').append(encodeQuery(q.getValue()));
      sep = "&";
    }
    return URI.create(url.toString());
  }

  /** RFC 3986 percent-encoding of everything but unreserved characters, so '/' in an id stays in its segment. */
  public static String encodePathSegment(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  public static String encodeQuery(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
