package dev.providerapi.generator.template;

import com.palantir.javapoet.CodeBlock;
import dev.providerapi.generator.model.TypeRef;

/** Java source text for template data: string literals and the Java type of an IR type. */
final class JavaSource {
  private JavaSource() {}

  /** {@code s} as a Java string literal, escaped by JavaPoet. */
  static String literal(String s) {
    return CodeBlock.of("$S", s).toString();
  }

  /** The Java type the emitters use for {@code ref}; named types live in {@code <package>.model}. */
  static String type(TypeRef ref, String modelPackage) {
    if (ref instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case STRING -> "String";
        case INT32 -> "Integer";
        case INT64 -> "Long";
        case DECIMAL -> "java.math.BigDecimal";
        case DOUBLE -> "Double";
        case BOOLEAN -> "Boolean";
        case DATE -> "java.time.LocalDate";
        case DATE_TIME -> "java.time.OffsetDateTime";
        case UUID -> "java.util.UUID";
        case URI -> "java.net.URI";
        case BINARY -> "byte[]";
        case ANY -> "com.fasterxml.jackson.databind.JsonNode";
      };
    }
    if (ref instanceof TypeRef.Named n) {
      return modelPackage + "." + n.name();
    }
    if (ref instanceof TypeRef.ListOf l) {
      return "java.util.List<" + type(l.element(), modelPackage) + ">";
    }
    return "java.util.Map<String, " + type(((TypeRef.MapOf) ref).value(), modelPackage) + ">";
  }
}
