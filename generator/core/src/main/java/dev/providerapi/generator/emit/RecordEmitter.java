package dev.providerapi.generator.emit;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.RecordDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A {@link RecordDef} -> a Java record with Jackson annotations and a builder (request bodies have many optional
 * members, and a builder keeps call sites readable when the spec adds one).
 */
final class RecordEmitter {
  static final AnnotationSpec IGNORE_UNKNOWN = AnnotationSpec.builder(JsonIgnoreProperties.class)
      .addMember("ignoreUnknown", "true").build();
  static final AnnotationSpec NON_NULL = AnnotationSpec.builder(JsonInclude.class)
      .addMember("value", "$T.NON_NULL", JsonInclude.Include.class).build();

  private static final ClassName REQUIRED = ClassName.get("dev.providerapi.json", "Required");
  /** The extra-members component's Javadoc. */
  private static final String EXTRA_DOC = "the members the spec does not declare, by name, kept as decoded so a"
      + " read-modify-write round trip loses none (may be {@code null})";

  private final TypeMapper types;

  RecordEmitter(TypeMapper types) {
    this.types = types;
  }

  /** @param unions the unions this record is a variant of: it implements each of them */
  TypeSpec emit(RecordDef def, List<ClassName> unions) {
    ClassName self = types.named(def.name());
    ClassName builderName = self.nestedClass("Builder");
    TypeSpec.Builder type = TypeSpec.recordBuilder(self)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(IGNORE_UNKNOWN)
        .addAnnotation(NON_NULL)
        .addSuperinterfaces(unions);
    if (!unions.isEmpty()) {
      // Class annotations are inherited from interfaces: without these, decoding this record directly (a
      // List<ThisRecord>) would go through the union's type handling and could pick another variant.
      type.addAnnotation(AnnotationSpec.builder(com.fasterxml.jackson.annotation.JsonTypeInfo.class)
          .addMember("use", "$T.NONE", com.fasterxml.jackson.annotation.JsonTypeInfo.Id.class).build());
      type.addAnnotation(AnnotationSpec.builder(com.fasterxml.jackson.databind.annotation.JsonDeserialize.class)
          .addMember("using", "$T.None.class", com.fasterxml.jackson.databind.JsonDeserializer.class).build());
    }
    String doc = Naming.javadoc(def.description());
    if (doc.isEmpty()) {
      doc = "The " + Naming.code(def.name()) + " object of the spec, at " + Naming.code(def.origin()) + ".";
    }
    List<String> paramDocs = new ArrayList<>();
    if (def.deprecated()) {
      type.addAnnotation(Deprecated.class);
    }
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    List<String> args = new ArrayList<>();
    for (FieldDef f : def.fields()) {
      TypeName javaType = types.javaType(f.type());
      boolean nullable = f.nullable() || !f.required();
      ParameterSpec.Builder component = ParameterSpec.builder(javaType, f.javaName())
          .addAnnotation(AnnotationSpec.builder(JsonProperty.class).addMember("value", "$S", f.jsonName()).build());
      if (nullable) {
        component.addAnnotation(Naming.NULLABLE_ANNOTATION);
      }
      if (f.deprecated()) {
        component.addAnnotation(Deprecated.class);
      }
      String fieldDoc = memberDoc(f);
      paramDocs.add("@param " + f.javaName() + " " + fieldDoc);
      ctor.addParameter(component.build());
      addBuilderMember(builder, builderName, javaType, f.javaName(), f.deprecated(),
          "Sets the " + Naming.code(f.jsonName()) + " member.", fieldDoc);
      args.add(f.javaName());
    }
    String extraName = null;
    if (def.additionalProperties() != null) {
      extraName = extraName(def);
      TypeName mapType = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
          types.javaType(def.additionalProperties()));
      // Jackson 2.18 fills an any-setter creator parameter and serializes an any-getter accessor, so the unknown
      // members of an open object survive a read-modify-write round trip.
      ctor.addParameter(ParameterSpec.builder(mapType, extraName)
          .addAnnotation(JsonAnySetter.class)
          .addAnnotation(JsonAnyGetter.class)
          .addAnnotation(Naming.NULLABLE_ANNOTATION)
          .build());
      paramDocs.add("@param " + extraName + " " + EXTRA_DOC);
      addBuilderMember(builder, builderName, mapType, extraName, false,
          "Sets the members the spec does not declare.", EXTRA_DOC);
      args.add(extraName);
    }
    // Javadoc is prose, assembled as text and passed as one $L argument, never parsed as a JavaPoet format.
    List<String> docParts = new ArrayList<>();
    docParts.add(doc);
    if (!paramDocs.isEmpty()) {
      docParts.add(String.join("\n", paramDocs));
    }
    type.addJavadoc("$L\n", String.join("\n\n", docParts));
    type.recordConstructor(ctor.build());
    if (def.fields().stream().anyMatch(FieldDef::sensitive)) {
      type.addMethod(maskingToString(def, extraName));
    }
    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(self);
    List<String> required = new ArrayList<>();
    for (FieldDef f : def.fields()) {
      if (f.required() && !f.nullable()) {
        build.addStatement("$T.check($N, $S, $S)", REQUIRED, f.javaName(), def.name(), f.jsonName());
        required.add(Naming.code(f.jsonName()));
      }
    }
    build.addJavadoc("$L\n", "The record of the members set so far.\n\n@return a new "
        + "{@link " + self.simpleName() + "}" + (required.isEmpty() ? ""
        : "\n@throws IllegalStateException when a member the spec requires (" + String.join(", ", required)
            + ") is not set"));
    builder.addJavadoc("$L\n", "A builder of {@link " + self.simpleName() + "}, member by member"
        + (required.isEmpty() ? "." : "; {@link #build()} checks that the members the spec requires are set."));
    builder.addMethod(build.addStatement("return new $T($L)", self, String.join(", ", args)).build());
    type.addMethod(MethodSpec.methodBuilder("builder")
        .addJavadoc("$L\n", "A builder with no member set.\n\n@return a new builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builderName)
        .addStatement("return new $T()", builderName)
        .build());
    type.addType(builder.build());
    return type.build();
  }

  /** The record's usual toString, with secret members shown as {@code ***} (or null when absent). */
  private static MethodSpec maskingToString(RecordDef def, String extraName) {
    com.palantir.javapoet.CodeBlock.Builder body = com.palantir.javapoet.CodeBlock.builder()
        .add("return $S", def.name() + "[");
    String separator = "";
    for (FieldDef f : def.fields()) {
      if (f.sensitive()) {
        body.add("\n    + $S + ($N == null ? $S : $S)", separator + f.javaName() + "=", f.javaName(), "null", "***");
      } else {
        body.add("\n    + $S + $N", separator + f.javaName() + "=", f.javaName());
      }
      separator = ", ";
    }
    if (extraName != null) {
      body.add("\n    + $S + $N", separator + extraName + "=", extraName);
    }
    body.add("\n    + $S", "]");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("$L", body.build())
        .build();
  }

  /** The spec's description of the member, or which member it is and when it is null. */
  static String memberDoc(FieldDef f) {
    String doc = Naming.javadoc(f.description());
    if (!doc.isEmpty()) {
      return doc;
    }
    String member = "The " + Naming.code(f.jsonName()) + " member";
    if (!f.required()) {
      return member + ", or {@code null} when absent.";
    }
    return f.nullable() ? member + ", which may be {@code null}." : member + ".";
  }

  private static void addBuilderMember(TypeSpec.Builder builder, ClassName builderName, TypeName javaType,
      String name, boolean deprecated, String summary, String paramDoc) {
    builder.addField(FieldSpec.builder(javaType, name, Modifier.PRIVATE)
        .addAnnotation(Naming.NULLABLE_ANNOTATION).build());
    MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(builderName)
        .addParameter(ParameterSpec.builder(javaType, name).addAnnotation(Naming.NULLABLE_ANNOTATION).build())
        .addStatement("this.$N = $N", name, name)
        .addStatement("return this")
        .addJavadoc("$L\n", summary + "\n\n@param " + name + " " + paramDoc + "\n@return this builder");
    if (deprecated) {
      setter.addAnnotation(Deprecated.class);
    }
    builder.addMethod(setter.build());
  }

  /** The extra-members component is {@code additionalProperties} unless a declared member already took it. */
  static String extraName(RecordDef def) {
    Set<String> taken = new java.util.HashSet<>();
    def.fields().forEach(f -> taken.add(f.javaName()));
    String name = "additionalProperties";
    for (int i = 2; taken.contains(name); i++) {
      name = "additionalProperties" + i;
    }
    return name;
  }
}
