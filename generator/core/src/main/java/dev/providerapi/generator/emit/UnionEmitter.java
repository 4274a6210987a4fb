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
import dev.providerapi.generator.model.UnionDef;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A {@link UnionDef} -> a sealed interface over its variant records plus a nested {@code Unknown} record, the
 * default for a tag (or a shape) this client does not know, so a new variant on the server never breaks decoding.
 */
final class UnionEmitter {
  private final TypeMapper types;

  UnionEmitter(TypeMapper types) {
    this.types = types;
  }

  TypeSpec emit(UnionDef def) {
    ClassName self = types.named(def.name());
    ClassName unknown = self.nestedClass("Unknown");
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED);
    String doc = Naming.javadoc(def.description());
    type.addJavadoc("$L", doc.isEmpty() ? "" : doc + "\n\n");
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
          .addMember("visible", "true");
    } else {
      typeInfo.addMember("use", "$T.DEDUCTION", JsonTypeInfo.Id.class);
    }
    typeInfo.addMember("defaultImpl", "$T.class", unknown);
    type.addAnnotation(typeInfo.build());
    type.addAnnotation(AnnotationSpec.builder(JsonSubTypes.class).addMember("value", "$L", subTypes.build()).build());

    TypeName properties = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
        ClassName.get(Object.class));
    type.addType(TypeSpec.recordBuilder(unknown)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A variant this client does not know, with every member as decoded.\n")
        .addSuperinterface(self)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(ParameterSpec.builder(properties, "properties").addAnnotation(JsonValue.class).build())
            .build())
        .addMethod(MethodSpec.methodBuilder("of")
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
}
