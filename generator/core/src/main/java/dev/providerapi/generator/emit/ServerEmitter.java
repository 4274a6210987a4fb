package dev.providerapi.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.JavaNames;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code <Prefix>Server}: a server URL template's variables ({@code https://api-{zone}.example.com}) as an immutable
 * value with one wither per variable, so a caller picks them in the client's configuration:
 * {@code ProviderConfig.builder().baseUrl(AcmeServer.defaults().zone("de-fra-1").url())}.
 */
final class ServerEmitter {
  private final ClassName type;

  ServerEmitter(ClassName type) {
    this.type = type;
  }

  TypeSpec emit(ApiModel.ServerTemplate template) {
    List<ApiModel.ServerVariable> variables = template.variables();
    Set<String> taken = new HashSet<>(Set.of("url", "defaults", "template", "equals", "hashcode", "tostring",
        "getclass", "notify", "notifyall", "wait", "clone", "finalize"));
    List<String> names = new ArrayList<>();
    for (ApiModel.ServerVariable v : variables) {
      String base = JavaNames.lowerCamel(v.name());
      String name = base;
      for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
        name = base + i;
      }
      names.add(name);
    }
    TypeSpec.Builder t = TypeSpec.classBuilder(type).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The spec's server URL $L and its variables. Pick values, then configure the client"
            + " with\n{@code ProviderConfig.builder().baseUrl($T.defaults()...url())}; the generated default base URL"
            + " is\n{@link #defaults()}.\n", Naming.code(template.url()), type);
    t.addField(FieldSpec.builder(String.class, "TEMPLATE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("As the spec declares it.\n")
        .initializer("$S", template.url()).build());
    ParameterizedTypeName stringList = ParameterizedTypeName.get(List.class, String.class);
    for (int i = 0; i < variables.size(); i++) {
      ApiModel.ServerVariable v = variables.get(i);
      t.addField(FieldSpec.builder(stringList, JavaNames.upperSnake(names.get(i)) + "_VALUES", Modifier.PUBLIC,
              Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The values the spec allows for $L; empty when any value goes.\n", Naming.code(v.name()))
          .initializer(listOf(v.allowed())).build());
    }
    for (String name : names) {
      t.addField(FieldSpec.builder(String.class, name, Modifier.PRIVATE, Modifier.FINAL).build());
    }
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    for (String name : names) {
      ctor.addParameter(String.class, name).addStatement("this.$N = $N", name, name);
    }
    t.addMethod(ctor.build());
    CodeBlock defaults = CodeBlock.join(variables.stream().map(v -> CodeBlock.of("$S", v.defaultValue())).toList(),
        ", ");
    String substituted = template.url();
    for (ApiModel.ServerVariable v : variables) {
      substituted = substituted.replace("{" + v.name() + "}", v.defaultValue());
    }
    t.addMethod(MethodSpec.methodBuilder("defaults").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(type)
        .addJavadoc("Every variable at the spec's default: $L.\n\n@return the defaults\n", Naming.code(substituted))
        .addStatement("return new $T($L)", type, defaults).build());
    for (int i = 0; i < variables.size(); i++) {
      ApiModel.ServerVariable v = variables.get(i);
      String name = names.get(i);
      String values = JavaNames.upperSnake(name) + "_VALUES";
      CodeBlock args = CodeBlock.join(names.stream().map(n -> CodeBlock.of("$N", n)).toList(), ", ");
      MethodSpec.Builder with = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type)
          .addParameter(String.class, name)
          .addJavadoc("$L$L (default $L)$L.\n\n@param $L the value of $L\n@return a copy with that value$L\n",
              v.description() == null || v.description().isBlank() ? "" : Naming.javadoc(v.description()) + "\n\n<p>",
              Naming.code(v.name()), Naming.code(v.defaultValue()),
              v.allowed().isEmpty() ? "" : "; one of {@link #" + values + "}", name, Naming.code(v.name()),
              v.allowed().isEmpty() ? "" : "\n@throws IllegalArgumentException when the value is not one of {@link #"
                  + values + "}")
          .addStatement("$T.requireNonNull($N, $S)", Objects.class, name, v.name());
      if (!v.allowed().isEmpty()) {
        with.beginControlFlow("if (!$N.contains($N))", values, name)
            .addStatement("throw new $T($S + $N + $S + $N)", IllegalArgumentException.class,
                "server variable " + v.name() + ": '", name, "' is not one of ", values)
            .endControlFlow();
      }
      t.addMethod(with.addStatement("return new $T($L)", type, args).build());
      t.addMethod(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(String.class)
          .addJavadoc("The value of $L.\n\n@return the value\n", Naming.code(v.name()))
          .addStatement("return $N", name).build());
    }
    CodeBlock.Builder url = CodeBlock.builder().add("return $T.create(TEMPLATE", URI.class);
    for (int i = 0; i < variables.size(); i++) {
      url.add(".replace($S, $N)", "{" + variables.get(i).name() + "}", names.get(i));
    }
    t.addMethod(MethodSpec.methodBuilder("url").addModifiers(Modifier.PUBLIC).returns(URI.class)
        .addJavadoc("The base URL with these values, for {@code ProviderConfig.Builder.baseUrl}.\n\n"
            + "@return the URL\n")
        .addStatement(url.add(")").build()).build());
    return t.build();
  }

  private static CodeBlock listOf(List<String> values) {
    return CodeBlock.of("$T.of($L)", List.class,
        CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", "));
  }
}
