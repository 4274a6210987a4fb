package dev.providerapi.lifecycle;

import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.ProviderException;
import java.util.List;
import java.util.Set;

/**
 * Which failures mean something particular for one operation (provider.yaml's {@code notFound},
 * {@code alreadyGone}, {@code confirmGone}): a typed kind, or the provider's own error code.
 *
 * @param kinds the error kinds that match (copied)
 * @param codes the provider error codes that match (copied)
 */
public record ErrorMatch(Set<ErrorKind> kinds, Set<String> codes) {
  /** Matches no failure. */
  public static final ErrorMatch NONE = new ErrorMatch(Set.of(), Set.of());
  /** Matches a {@link ErrorKind#NOT_FOUND} failure. */
  public static final ErrorMatch NOT_FOUND = new ErrorMatch(Set.of(ErrorKind.NOT_FOUND), Set.of());

  /**
   * Copies both sets.
   *
   * @param kinds the error kinds that match
   * @param codes the provider error codes that match
   */
  public ErrorMatch {
    kinds = Set.copyOf(kinds);
    codes = Set.copyOf(codes);
  }

  /**
   * A match of the listed kinds and codes.
   *
   * @param kinds the error kinds that match
   * @param codes the provider error codes that match
   * @return the match
   */
  public static ErrorMatch of(List<ErrorKind> kinds, List<String> codes) {
    return new ErrorMatch(Set.copyOf(kinds), Set.copyOf(codes));
  }

  /**
   * Whether a failure is of one of the kinds or carries one of the codes.
   *
   * @param e the failure
   * @return true if it matches
   */
  public boolean matches(ProviderException e) {
    return kinds.contains(e.kind()) || e.providerCode().map(codes::contains).orElse(false);
  }
}
