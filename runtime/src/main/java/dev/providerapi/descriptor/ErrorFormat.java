package dev.providerapi.descriptor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a provider puts its error code and message (JSON pointers into the body), which header carries the
 * request id, how an error hidden in a 2xx body is recognised, and the declared code -> kind rules.
 *
 * <p>{@code okErrorPointer}: a 2xx body is an error when the node there is present and not empty (GraphQL
 * {@code /errors}), or, when {@code okErrorEquals} is set, when its text equals that ({@code /success} =
 * {@code false}).
 *
 * @param codePointer JSON pointer to the provider's error code; null if it sends none
 * @param messagePointer JSON pointer to the error message; when null or absent the common members are tried
 *     ({@code /message}, {@code /error}, ...)
 * @param requestIdHeader the response header holding the request id; null if none
 * @param okErrorPointer JSON pointer to an error inside a 2xx body; null if errors never come with 2xx
 * @param okErrorEquals the text at {@code okErrorPointer} that marks an error; null for "present and not empty"
 * @param rules the declared code -> kind rules, first match wins (copied)
 */
public record ErrorFormat(
    @Nullable String codePointer,
    @Nullable String messagePointer,
    @Nullable String requestIdHeader,
    @Nullable String okErrorPointer,
    @Nullable String okErrorEquals,
    List<ErrorRule> rules) {

  /**
   * Copies {@code rules}.
   *
   * @param codePointer JSON pointer to the provider's error code; null if it sends none
   * @param messagePointer JSON pointer to the error message; when null or absent the common members are tried
   *     ({@code /message}, {@code /error}, ...)
   * @param requestIdHeader the response header holding the request id; null if none
   * @param okErrorPointer JSON pointer to an error inside a 2xx body; null if errors never come with 2xx
   * @param okErrorEquals the text at {@code okErrorPointer} that marks an error; null for "present and not empty"
   * @param rules the declared code -> kind rules, first match wins (copied)
   */
  public ErrorFormat {
    rules = List.copyOf(rules);
  }

  /**
   * Status-code defaults only; the message is the body's {@code /message} or {@code /error}.
   *
   * @return a format with message pointer {@code /message} and no rules
   */
  public static ErrorFormat defaults() {
    return new ErrorFormat(null, "/message", null, null, null, List.of());
  }
}
