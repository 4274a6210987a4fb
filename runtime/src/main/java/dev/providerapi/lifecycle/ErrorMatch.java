package dev.providerapi.lifecycle;

import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.ProviderException;
import java.util.List;
import java.util.Set;

/**
 * Which failures mean something particular for one operation (provider.yaml's {@code notFound},
 * {@code alreadyGone}, {@code confirmGone}): a typed kind, or the provider's own error code.
 */
public record ErrorMatch(Set<ErrorKind> kinds, Set<String> codes) {
  public static final ErrorMatch NONE = new ErrorMatch(Set.of(), Set.of());
  public static final ErrorMatch NOT_FOUND = new ErrorMatch(Set.of(ErrorKind.NOT_FOUND), Set.of());

  public ErrorMatch {
    kinds = Set.copyOf(kinds);
    codes = Set.copyOf(codes);
  }

  public static ErrorMatch of(List<ErrorKind> kinds, List<String> codes) {
    return new ErrorMatch(Set.copyOf(kinds), Set.copyOf(codes));
  }

  public boolean matches(ProviderException e) {
    return kinds.contains(e.kind()) || e.providerCode().map(codes::contains).orElse(false);
  }
}
