package dev.providerapi.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.providerapi.generator.model.TypeRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * IR type references -> Java types. Always boxed: absent and null must be representable.
 *
 * <p>The one table of scalar kinds ({@link #scalar}): the Java type the client and model use, and the example
 * value the generated tests pass for it, on the wire and as a Java expression of exactly that type. Everything
 * that writes Java for an IR type (emitters and the generated tests) asks here, so they cannot disagree.
 */
public final class TypeMapper {
  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final ClassName TEXT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "TextNode");
  private static final ClassName STRING = ClassName.get(String.class);

  /**
   * One row of the scalar table.
   *
   * @param type the Java type of a value of this kind
   * @param wire the example value as it travels (path, query, header text; JSON scalar text), or null for a kind
   *     whose example is derived from the parameter's name ({@link #example(String)})
   * @param json how the example sits in a JSON body: a number, a boolean or a string
   * @param example makes the Java expression of an example from its wire text
   */
  public record Scalar(TypeName type, @Nullable String wire, Json json, Example example) {
    /** How a JSON body carries an example value. */
    public enum Json {
      /** As a JSON number. */
      NUMBER,
      /** As {@code true} or {@code false}. */
      BOOLEAN,
      /** As a JSON string. */
      STRING
    }

    /** The Java expression of type {@link #type} for a value whose wire text is {@code wire}. */
    @FunctionalInterface
    public interface Example {
      /**
       * The expression for {@code wire}.
       *
       * @param wire the value's wire text
       * @return a Java expression of the scalar's type
       */
      CodeBlock of(String wire);
    }

    /**
     * The Java expression of the example, {@code fallback} being the wire text when {@link #wire} is null.
     *
     * @param fallback the wire text to use when the scalar has none of its own
     * @return a Java expression of the scalar's type
     */
    public CodeBlock example(String fallback) {
      return example.of(wireOr(fallback));
    }

    /**
     * The example's wire text.
     *
     * @param fallback what to return when {@link #wire} is null
     * @return {@link #wire}, else {@code fallback}
     */
    public String wireOr(String fallback) {
      return wire != null ? wire : fallback;
    }
  }

  /**
   * The scalar table: every kind once.
   *
   * @param kind a primitive kind
   * @return its Java type, wire form and example
   */
  public static Scalar scalar(TypeRef.PrimitiveKind kind) {
    return switch (kind) {
      case STRING -> new Scalar(STRING, null, Scalar.Json.STRING, w -> CodeBlock.of("$S", w));
      // Formats the client passes through as text: the test's example is text that is valid in the format.
      case UUID -> new Scalar(STRING, "00000000-0000-0000-0000-000000000007", Scalar.Json.STRING,
          w -> CodeBlock.of("$S", w));
      case URI -> new Scalar(STRING, "https://example.com/x", Scalar.Json.STRING, w -> CodeBlock.of("$S", w));
      case INT32 -> new Scalar(ClassName.get(Integer.class), "7", Scalar.Json.NUMBER, w -> CodeBlock.of("$L", w));
      case INT64 -> new Scalar(ClassName.get(Long.class), "7", Scalar.Json.NUMBER, w -> CodeBlock.of("$LL", w));
      case DECIMAL -> new Scalar(ClassName.get(BigDecimal.class), "1.5", Scalar.Json.NUMBER,
          w -> CodeBlock.of("new $T($S)", BigDecimal.class, w));
      case DOUBLE -> new Scalar(ClassName.get(Double.class), "1.5", Scalar.Json.NUMBER, w -> CodeBlock.of("$L", w));
      case BOOLEAN -> new Scalar(ClassName.get(Boolean.class), "true", Scalar.Json.BOOLEAN,
          w -> CodeBlock.of("$L", w));
      case DATE -> new Scalar(ClassName.get(LocalDate.class), "2024-01-02", Scalar.Json.STRING,
          w -> CodeBlock.of("$T.parse($S)", LocalDate.class, w));
      case DATE_TIME -> new Scalar(ClassName.get(OffsetDateTime.class), "2024-01-02T03:04:05Z", Scalar.Json.STRING,
          w -> CodeBlock.of("$T.parse($S)", OffsetDateTime.class, w));
      // Jackson reads and writes byte[] as base64: "dGVzdA==" is the four bytes of "test".
      case BINARY -> new Scalar(ArrayTypeName.of(TypeName.BYTE), "dGVzdA==", Scalar.Json.STRING,
          w -> CodeBlock.of("$T.getDecoder().decode($S)", java.util.Base64.class, w));
      case ANY -> new Scalar(JSON_NODE, null, Scalar.Json.STRING, w -> CodeBlock.of("$T.valueOf($S)", TEXT_NODE, w));
    };
  }

  private final String modelPackage;

  /**
   * A mapper whose named types live in {@code modelPackage}.
   *
   * @param modelPackage the generated models' package
   */
  public TypeMapper(String modelPackage) {
    this.modelPackage = modelPackage;
  }

  String modelPackage() {
    return modelPackage;
  }

  /**
   * The generated model class named {@code name}.
   *
   * @param name the type's Java name
   * @return the class in the model package
   */
  public ClassName named(String name) {
    return ClassName.get(modelPackage, name);
  }

  /**
   * The Java type of {@code ref}: a model class, a boxed scalar, {@code List} or {@code Map} of those.
   *
   * @param ref a type of the model
   * @return its Java type
   */
  public TypeName javaType(TypeRef ref) {
    if (ref instanceof TypeRef.Named n) {
      return named(n.name());
    }
    if (ref instanceof TypeRef.ListOf l) {
      return ParameterizedTypeName.get(ClassName.get(List.class), javaType(l.element()));
    }
    if (ref instanceof TypeRef.MapOf m) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), STRING, javaType(m.value()));
    }
    return scalar(((TypeRef.Primitive) ref).kind()).type();
  }

  /**
   * True when the type has type arguments, so decoding it needs a TypeReference rather than a Class.
   *
   * @param ref a type of the model
   * @return true for a list or map
   */
  public static boolean isGeneric(TypeRef ref) {
    return ref instanceof TypeRef.ListOf || ref instanceof TypeRef.MapOf;
  }
}
