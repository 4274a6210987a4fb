package dev.providerapi.generator.emit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.UnionDef;
import java.util.List;
import java.util.Set;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A {@link UnionDef} -> a sealed interface over its variant records plus a nested {@code Unknown} record, the
 * default for a tag (or a shape) this client does not know, so a new variant on the server never breaks decoding.
 */
final class UnionEmitter {
  private static final ClassName UNION_DESERIALIZER = ClassName.get("dev.providerapi.json", "UnionDeserializer");

  private final TypeMapper types;
  private final java.util.function.Function<String, RecordDef> records;

  /** @param records the record definitions by name, for the members a variant without a tag is told by */
  UnionEmitter(TypeMapper types, java.util.function.Function<String, RecordDef> records) {
    this.types = types;
    this.records = records;
  }

  TypeSpec emit(UnionDef def) {
    ClassName self = types.named(def.name());
    ClassName unknown = self.nestedClass("Unknown");
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED);
    String doc = Naming.javadoc(def.description());
    if (doc.isEmpty()) {
      doc = "One of " + String.join(", ", def.variants().stream()
          .map(v -> "{@link " + types.named(v.type().name()).simpleName() + "}").toList())
          + " (" + Naming.code(def.name()) + " in the spec, at " + Naming.code(def.origin()) + ").";
    }
    type.addJavadoc("$L\n\n", doc);
    if (def.discriminator() == null) {
      type.addJavadoc("<p>Decoded by the members present; a shape matching no variant decodes to {@link Unknown}.\n");
    } else {
      type.addJavadoc("<p>Decoded by {@code $L}; an unknown value decodes to {@link Unknown}.\n",
          Naming.javadoc(def.discriminator()));
    }

    AnnotationSpec.Builder typeInfo = AnnotationSpec.builder(JsonTypeInfo.class);
    CodeBlock.Builder subTypes = CodeBlock.builder().add("{\n").indent();
    boolean first = true;
    for (UnionDef.Variant v : def.variants()) {
      ClassName variant = types.named(v.type().name());
      type.addPermittedSubclass(variant);
      AnnotationSpec.Builder sub = AnnotationSpec.builder(JsonSubTypes.Type.class).addMember("value", "$T.class",
          variant);
      if (def.discriminator() != null) {
        CodeBlock names = v.tags().stream().map(t -> CodeBlock.of("$S", t)).collect(CodeBlock.joining(", "));
        sub.addMember("names", v.tags().size() == 1 ? "$L" : "{$L}", names);
      }
      subTypes.add(first ? "$L" : ",\n$L", sub.build());
      first = false;
    }
    subTypes.unindent().add("\n}");
    type.addPermittedSubclass(unknown);
    if (def.discriminator() != null) {
      typeInfo.addMember("use", "$T.NAME", JsonTypeInfo.Id.class)
          .addMember("include", "$T.EXISTING_PROPERTY", JsonTypeInfo.As.class)
          .addMember("property", "$S", def.discriminator())
          .addMember("visible", "true")
          .addMember("defaultImpl", "$T.class", unknown);
      type.addAnnotation(typeInfo.build());
      type.addAnnotation(AnnotationSpec.builder(JsonSubTypes.class).addMember("value", "$L", subTypes.build())
          .build());
    } else {
      // Jackson's DEDUCTION cannot choose when one variant's members are a subset of another's; the runtime's
      // UnionDeserializer picks the variant that explains the most members.
      ClassName deserializer = self.nestedClass("Deserializer");
      type.addAnnotation(AnnotationSpec.builder(JsonDeserialize.class)
          .addMember("using", "$T.class", deserializer).build());
      type.addType(deserializer(def, self, unknown, deserializer));
    }

    TypeName properties = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
        ClassName.get(Object.class));
    type.addType(TypeSpec.recordBuilder(unknown)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("$L\n", "A variant this client does not know, with every member as decoded.\n\n"
            + "@param properties every member, by name, as decoded")
        .addSuperinterface(self)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(ParameterSpec.builder(properties, "properties").addAnnotation(JsonValue.class).build())
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("$L\n", "The unknown variant of these members (Jackson's creator).\n\n"
                + "@param properties every member, by name, as decoded\n@return the unknown variant")
            .addAnnotation(AnnotationSpec.builder(JsonCreator.class)
                .addMember("mode", "$T.DELEGATING", JsonCreator.Mode.class).build())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(unknown)
            .addParameter(properties, "properties")
            .addStatement("return new $T(properties)", unknown)
            .build())
        .build());
    return type.build();
  }

  private TypeSpec deserializer(UnionDef def, ClassName self, ClassName unknown, ClassName name) {
    CodeBlock.Builder variants = CodeBlock.builder();
    boolean first = true;
    for (UnionDef.Variant v : def.variants()) {
      RecordDef record = records.apply(v.type().name());
      List<String> members = record == null ? List.of()
          : record.fields().stream().map(FieldDef::jsonName).sorted().toList();
      List<String> required = record == null ? List.of()
          : record.fields().stream().filter(FieldDef::required).map(FieldDef::jsonName).sorted().toList();
      variants.add(first ? "\n$T.variant($T.class, $L, $L)" : ",\n$T.variant($T.class, $L, $L)", UNION_DESERIALIZER,
          types.named(v.type().name()), setOf(members), setOf(required));
      first = false;
    }
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Chooses the variant by the members present (see {@code UnionDeserializer}).\n")
        .superclass(ParameterizedTypeName.get(UNION_DESERIALIZER, self))
        .addField(com.palantir.javapoet.FieldSpec.builder(long.class, "serialVersionUID",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer("1L").build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("$L\n", "The deserializer of every variant, for {@code @JsonDeserialize}.")
            .addStatement("super($T.class, $T.of($>$L$<), $T::of)", self, List.class, variants.build(), unknown)
            .build())
        .build();
  }

  private static CodeBlock setOf(List<String> names) {
    return CodeBlock.of("$T.of($L)", Set.class,
        names.stream().map(n -> CodeBlock.of("$S", n)).collect(CodeBlock.joining(", ")));
  }
}
