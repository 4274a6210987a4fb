package dev.providerapi.generator.template;

import com.palantir.javapoet.CodeBlock;

/**
 * Java string literals for template data. Java types and example values come from
 * {@link dev.providerapi.generator.emit.TypeMapper}, the table the emitters use.
 */
final class JavaSource {
  private JavaSource() {}

  /** {@code s} as a Java string literal, escaped by JavaPoet. */
  static String literal(String s) {
    return CodeBlock.of("$S", s).toString();
  }
}
