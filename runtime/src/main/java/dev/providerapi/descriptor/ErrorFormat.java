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
 */
public record ErrorFormat(
    @Nullable String codePointer,
    @Nullable String messagePointer,
    @Nullable String requestIdHeader,
    @Nullable String okErrorPointer,
    @Nullable String okErrorEquals,
    List<ErrorRule> rules) {

  public ErrorFormat {
    rules = List.copyOf(rules);
  }

  /** Status-code defaults only; the message is the body's {@code /message} or {@code /error}. */
  public static ErrorFormat defaults() {
    return new ErrorFormat(null, "/message", null, null, null, List.of());
  }
}
