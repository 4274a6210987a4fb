package dev.providerapi.generator.openapi;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out names unique within one scope. Comparison ignores case, because {@code Foo.java} and {@code foo.java}
 * clash on case-insensitive file systems and {@code fooBar}/{@code FooBar} read as the same name. A clash gets the
 * lowest free numeric suffix, so the outcome depends only on the order names are asked for (which callers keep
 * sorted).
 */
final class UniqueNames {
  private final Set<String> taken = new HashSet<>();

  UniqueNames(String... reserved) {
    for (String r : reserved) {
      taken.add(r.toLowerCase(Locale.ROOT));
    }
  }

  String claim(String candidate) {
    String name = candidate;
    for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
      name = candidate + i;
    }
    return name;
  }
}
