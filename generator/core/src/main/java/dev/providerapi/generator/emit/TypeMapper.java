package dev.providerapi.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.providerapi.generator.model.TypeRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** IR type references -> Java types. Always boxed: absent and null must be representable. */
final class TypeMapper {
  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");

  private final String modelPackage;

  TypeMapper(String modelPackage) {
    this.modelPackage = modelPackage;
  }

  String modelPackage() {
    return modelPackage;
  }

  ClassName named(String name) {
    return ClassName.get(modelPackage, name);
  }

  TypeName javaType(TypeRef ref) {
    if (ref instanceof TypeRef.Named n) {
      return named(n.name());
    }
    if (ref instanceof TypeRef.ListOf l) {
      return ParameterizedTypeName.get(ClassName.get(List.class), javaType(l.element()));
    }
    if (ref instanceof TypeRef.MapOf m) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), javaType(m.value()));
    }
    TypeRef.Primitive p = (TypeRef.Primitive) ref;
    return switch (p.kind()) {
      case STRING, UUID, URI -> ClassName.get(String.class);
      case INT32 -> ClassName.get(Integer.class);
      case INT64 -> ClassName.get(Long.class);
      case DECIMAL -> ClassName.get(BigDecimal.class);
      case DOUBLE -> ClassName.get(Double.class);
      case BOOLEAN -> ClassName.get(Boolean.class);
      case DATE -> ClassName.get(LocalDate.class);
      case DATE_TIME -> ClassName.get(OffsetDateTime.class);
      case BINARY -> ArrayTypeName.of(TypeName.BYTE);
      case ANY -> JSON_NODE;
    };
  }

  /** True when the type has type arguments, so decoding it needs a TypeReference rather than a Class. */
  static boolean isGeneric(TypeRef ref) {
    return ref instanceof TypeRef.ListOf || ref instanceof TypeRef.MapOf;
  }
}
