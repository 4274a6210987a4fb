package dev.providerapi.http.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes credentials from text before it is logged or put into an exception: every configured secret
 * value (raw and URL-encoded), and the values of well-known credential parameters and headers whatever
 * their value is ({@code api_key=...}, {@code Authorization: ...}, {@code "password": "..."}).
 */
public final class Redactor {
  public static final String MASK = "***";

  private static final String NAMES = "api_key|apikey|api_token|access_token|token|key|password|secret";
  private static final Pattern QUERY_PARAM =
      Pattern.compile("(?i)([?&;](?:" + NAMES + ")=)[^&#\\s\"']*");
  private static final Pattern HEADER =
      Pattern.compile("(?i)((?:authorization|proxy-authorization|x-api-key|api-key)\\s*[:=]\\s*)"
          + "(?:(?:bearer|basic|token)\\s+)?[^\\s,;\"'}\\]]+");
  private static final Pattern JSON_MEMBER =
      Pattern.compile("(?i)(\"(?:" + NAMES + "|authorization)\"\\s*:\\s*\")[^\"]*\"");

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor for these secret values (blank ones are ignored). */
  public static Redactor of(Collection<String> secretValues) {
    Set<String> all = new LinkedHashSet<>();
    for (String s : secretValues) {
      if (s != null && !s.isBlank()) {
        all.add(s);
        all.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        all.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
      }
    }
    List<String> sorted = new ArrayList<>(all);
    // Longest first so a secret that contains another is masked whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(sorted));
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  public @Nullable String redact(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, MASK);
      }
    }
    out = QUERY_PARAM.matcher(out).replaceAll("$1" + MASK);
    out = HEADER.matcher(out).replaceAll("$1" + MASK);
    out = JSON_MEMBER.matcher(out).replaceAll("$1" + MASK + "\"");
    return out;
  }

  @Override
  public String toString() {
    return "Redactor[" + secrets.size() + " value(s)]";
  }
}
