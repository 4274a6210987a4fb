package dev.providerapi.generator.emit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.TypeRef;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * An {@link EnumDef} -> a value record ({@code record Status(String value)}) with one constant per known value
 * and a nested {@code Kind} enum for {@code switch}. A Java enum cannot hold a value it was not compiled with;
 * this shape decodes any value, keeps it verbatim (so it can be sent back), and still lets callers switch
 * exhaustively on {@code kind()}, where {@code UNKNOWN} covers every value added to the API later.
 */
final class EnumEmitter {
  private final TypeMapper types;

  EnumEmitter(TypeMapper types) {
    this.types = types;
  }

  TypeSpec emit(EnumDef def) {
    ClassName self = types.named(def.name());
    ClassName kind = self.nestedClass("Kind");
    TypeRef.PrimitiveKind text = def.valueKind();
    TypeName valueType = types.javaType(new TypeRef.Primitive(def.valueKind()));

    TypeSpec.Builder type = TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC);
    String doc = Naming.javadoc(def.description());
    if (doc.isEmpty()) {
      doc = "The values of " + Naming.code(def.name()) + " in the spec, at " + Naming.code(def.origin()) + ".";
    }
    type.addJavadoc("$L\n\n", doc);
    type.addJavadoc("<p>Values unknown when this was generated decode to {@link Kind#UNKNOWN} and keep their raw"
        + " value.\n\n@param value the value as it is in JSON\n");
    type.recordConstructor(MethodSpec.constructorBuilder()
        .addJavadoc("$L\n", "An instance that keeps {@code value}; {@link #of} returns the constant for a known one."
            + "\n\n@param value the value as it is in JSON, not {@code null}")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(ParameterSpec.builder(valueType, "value").build())
        .addStatement("this.value = $T.requireNonNull(value, $S)", Objects.class, "value")
        .build());

    TypeSpec.Builder kindEnum = TypeSpec.enumBuilder(kind).addModifiers(Modifier.PUBLIC)
        .addJavadoc("The known values, for {@code switch}; {@code UNKNOWN} is any other.\n");
    CodeBlock.Builder kindSwitch = CodeBlock.builder().add("return switch ($L) {\n", subject(text)).indent();
    for (EnumDef.EnumValue v : def.values()) {
      String valueDoc = valueDoc(v, text);
      kindEnum.addEnumConstant(v.constant(), TypeSpec.anonymousClassBuilder("")
          .addJavadoc("$L\n", valueDoc).build());
      type.addField(FieldSpec.builder(self, v.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L\n", valueDoc)
          .initializer("new $T($L)", self, literal(v.wire(), text))
          .build());
      kindSwitch.add("case $L -> $T.$N;\n", label(v.wire(), text), kind, v.constant());
    }
    kindEnum.addEnumConstant("UNKNOWN", TypeSpec.anonymousClassBuilder("")
        .addJavadoc("$L\n", "A value this client was generated without.").build());
    kindSwitch.add("default -> $T.UNKNOWN;\n", kind).unindent().add("};\n");

    type.addMethod(MethodSpec.methodBuilder("of")
        .addJavadoc("$L\n", "The constant for a known value, otherwise a new instance that keeps {@code value}."
            + "\n\n@param value the value as it is in JSON\n@return the constant or the new instance")
        .addAnnotation(AnnotationSpec.builder(JsonCreator.class)
            .addMember("mode", "$T.DELEGATING", JsonCreator.Mode.class).build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(valueType, "value")
        .addCode(ofBody(def, self, text))
        .build());
    type.addMethod(MethodSpec.methodBuilder("value")
        .addJavadoc("$L\n", "The value as it is in JSON, known or not.\n\n@return the value")
        .addAnnotation(Override.class)
        .addAnnotation(JsonValue.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(valueType)
        .addStatement("return value")
        .build());
    type.addMethod(MethodSpec.methodBuilder("kind")
        .addJavadoc("$L\n", "Which known value this is, for {@code switch}.\n\n@return the value's kind, or"
            + " {@link Kind#UNKNOWN} for a value this client was generated without")
        .addModifiers(Modifier.PUBLIC)
        .returns(kind)
        .addCode(kindSwitch.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("isKnown")
        .addJavadoc("$L\n", "Whether the spec knew this value when this was generated.\n\n@return {@code true}"
            + " unless {@link #kind()} is {@link Kind#UNKNOWN}")
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addStatement("return kind() != $T.UNKNOWN", kind)
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $T.valueOf(value)", String.class)
        .build());
    type.addType(kindEnum.build());
    return type.build();
  }

  /** The spec's description of the value, or the value itself. */
  private static String valueDoc(EnumDef.EnumValue v, TypeRef.PrimitiveKind kind) {
    String doc = Naming.javadoc(v.description());
    if (!doc.isEmpty()) {
      return doc;
    }
    boolean number = kind == TypeRef.PrimitiveKind.INT32 || kind == TypeRef.PrimitiveKind.INT64;
    String wire = number ? v.wire() : "\"" + v.wire() + "\"";
    return "The value " + Naming.code(wire) + ".";
  }

  private static CodeBlock ofBody(EnumDef def, ClassName self, TypeRef.PrimitiveKind text) {
    CodeBlock.Builder b = CodeBlock.builder().add("return switch ($L) {\n", subject(text)).indent();
    for (EnumDef.EnumValue v : def.values()) {
      b.add("case $L -> $N;\n", label(v.wire(), text), v.constant());
    }
    return b.add("default -> new $T(value);\n", self).unindent().add("};\n").build();
  }

  /** Java cannot switch on a Long, so 64-bit enums switch on the decimal text of the value. */
  private static String subject(TypeRef.PrimitiveKind kind) {
    return kind == TypeRef.PrimitiveKind.INT64 ? "Long.toString(value)" : "value";
  }

  private static CodeBlock label(String wire, TypeRef.PrimitiveKind kind) {
    return kind == TypeRef.PrimitiveKind.INT32 ? CodeBlock.of("$L", Integer.parseInt(wire)) : CodeBlock.of("$S", wire);
  }

  /** A constructor argument of the component's type. */
  private static CodeBlock literal(String wire, TypeRef.PrimitiveKind kind) {
    return switch (kind) {
      case INT32 -> CodeBlock.of("$L", Integer.parseInt(wire));
      case INT64 -> CodeBlock.of("$LL", Long.parseLong(wire));
      default -> CodeBlock.of("$S", wire);
    };
  }
}
