package dev.providerapi.generator.model;

import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Turns wire names (snake_case, kebab-case, dotted, digits first, Java keywords) into legal Java names. Lives next
 * to the IR because every reader must hand the emitters Java-ready names.
 */
public final class JavaNames {
  /** Names that compile but would shadow members every generated record or enum has. */
  private static final Set<String> RESERVED_MEMBERS = Set.of("builder", "getClass", "hashCode", "toString",
      "equals", "notify", "notifyAll", "wait", "clone", "finalize");

  private JavaNames() {}

  /**
   * {@code instance_types} -> {@code instanceTypes}; {@code class} -> {@code class_}; {@code 1x} -> {@code _1x}.
   *
   * @param raw a name from the spec
   * @return a legal lowerCamel Java identifier
   */
  public static String lowerCamel(String raw) {
    String camel = camel(raw, false);
    return legal(camel);
  }

  /**
   * {@code instance-type} -> {@code InstanceType}.
   *
   * @param raw a name from the spec
   * @return a legal UpperCamel Java identifier
   */
  public static String upperCamel(String raw) {
    return legal(camel(raw, true));
  }

  /**
   * {@code gpu_1x_a10} / {@code 1x-a10} / {@code fooBar} -> {@code GPU_1X_A10} / {@code _1X_A10} / {@code FOO_BAR}.
   *
   * @param raw a name or value from the spec
   * @return a legal UPPER_SNAKE Java identifier
   */
  public static String upperSnake(String raw) {
    StringBuilder out = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        boolean boundary = Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && i + 1 < raw.length() && Character.isLowerCase(raw.charAt(i + 1))));
        if (boundary && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toUpperCase(c));
      } else if (c == '+') {
        appendWord(out, "PLUS");
      } else if (c == '-' && i == 0) {
        appendWord(out, "MINUS");
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
      prev = c;
    }
    String s = out.toString();
    while (s.endsWith("_") && s.length() > 1) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty() || s.equals("_")) {
      s = "EMPTY";
    }
    return legal(s);
  }

  /**
   * Makes a candidate identifier legal: leading digit gets {@code _}, keywords get a trailing {@code _}.
   *
   * @param candidate an identifier that may start with a digit or be a keyword; empty becomes {@code _}
   * @return a legal Java identifier
   */
  public static String legal(String candidate) {
    String s = candidate.isEmpty() ? "_" : candidate;
    if (!Character.isJavaIdentifierStart(s.charAt(0))) {
      s = "_" + s;
    }
    if (SourceVersion.isKeyword(s) || s.equals("_") || RESERVED_MEMBERS.contains(s)
        || s.equals("var") || s.equals("yield") || s.equals("record") || s.equals("sealed")
        || s.equals("permits")) {
      s = s + "_";
    }
    return s;
  }

  private static void appendWord(StringBuilder out, String word) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
      out.append('_');
    }
    out.append(word).append('_');
  }

  private static String camel(String raw, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    boolean upperNext = upperFirst;
    boolean start = true;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128)) {
        upperNext = out.length() > 0 || upperFirst;
        continue;
      }
      if (start) {
        out.append(upperFirst ? Character.toUpperCase(c) : Character.toLowerCase(c));
        // A name that is all caps (URL, ID) reads better as Url/Id once it is a Java name.
        start = false;
        upperNext = false;
        continue;
      }
      if (upperNext) {
        out.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c) && isUpperRun(raw, i)) {
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
      upperNext = false;
    }
    return out.toString();
  }

  /** True inside an ALLCAPS run such as the {@code PI} of {@code APIKey}, which becomes {@code ApiKey}. */
  private static boolean isUpperRun(String raw, int i) {
    char prev = raw.charAt(i - 1);
    if (!Character.isUpperCase(prev)) {
      return false;
    }
    return i + 1 >= raw.length() || !Character.isLowerCase(raw.charAt(i + 1));
  }

  /** Lowercases for case-insensitive comparisons without locale surprises. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
