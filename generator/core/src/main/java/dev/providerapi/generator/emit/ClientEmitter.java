package dev.providerapi.generator.emit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.Arguments;
import dev.providerapi.generator.model.JavaNames;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.http.ApiClient;
import dev.providerapi.http.ApiRequest;
import dev.providerapi.http.GraphQlRequest;
import dev.providerapi.http.Operation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The operations -> {@code <Prefix>Api} (the typed interface an adapter codes against) and
 * {@code <Prefix>ApiClient} (its implementation over the runtime {@link ApiClient}).
 */
final class ClientEmitter {
  private static final String BODY = "body";

  private final TypeMapper types;
  private final ClassName api;
  private final ClassName impl;

  ClientEmitter(TypeMapper types, ClassName api, ClassName impl) {
    this.types = types;
    this.api = api;
    this.impl = impl;
  }

  /** A method argument: a parameter or the body, in the order the method declares them. */
  private record Arg(String javaName, TypeName type, boolean required, String doc, @Nullable ParamDef param,
      @Nullable String variable) {}

  TypeSpec emitInterface(ApiModel model) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(api).addModifiers(Modifier.PUBLIC);
    type.addJavadoc("$L\n", Naming.javadoc(model.title().isBlank() ? "The API." : model.title()
        + (model.version().isBlank() ? "" : " " + model.version()) + "."));
    for (OperationDef op : model.operations()) {
      MethodSpec.Builder m = signature(model, op, true).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT);
      type.addMethod(m.build());
    }
    return type.build();
  }

  TypeSpec emitImplementation(ApiModel model) {
    TypeSpec.Builder type = TypeSpec.classBuilder(impl)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(api)
        .addJavadoc("Calls each operation through the runtime {@link $T}: retries, rate limits and error mapping"
            + " live there.\n", ApiClient.class);
    List<FieldSpec> typeRefs = new ArrayList<>();
    List<MethodSpec> methods = new ArrayList<>();
    for (OperationDef op : model.operations()) {
      String constant = "OP_" + JavaNames.upperSnake(op.javaName());
      // A GraphQL operation is a POST to the endpoint itself (the base URL); the payload is data.<root field>.
      String method = op.transport() instanceof OperationDef.Http http ? http.method() : "POST";
      String path = op.transport() instanceof OperationDef.Http http ? http.path() : "";
      type.addField(FieldSpec.builder(Operation.class, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S, $S, $S, $L, $L)", Operation.class, op.id(), method, path,
              op.idempotent(), op.responseEnvelope() == null ? CodeBlock.of("null")
                  : CodeBlock.of("$S", op.responseEnvelope()))
          .build());
      CodeBlock request;
      if (op.transport() instanceof OperationDef.GraphQl graphQl) {
        String document = "DOCUMENT_" + JavaNames.upperSnake(op.javaName());
        type.addField(FieldSpec.builder(String.class, document, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", graphQl.document())
            .build());
        request = graphQlRequest(model, op, graphQl, document);
      } else {
        request = request(op);
      }
      MethodSpec.Builder m = signature(model, op, false).addModifiers(Modifier.PUBLIC).addAnnotation(Override.class);
      if (op.response() == null) {
        m.addStatement("client.execute($N, $L)", constant, request);
      } else if (TypeMapper.isGeneric(op.response())) {
        String ref = "TYPE_" + JavaNames.upperSnake(op.javaName());
        TypeName javaType = types.javaType(op.response());
        typeRefs.add(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(TypeReference.class), javaType), ref,
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T<>() {}", TypeReference.class)
            .build());
        m.addStatement("return client.execute($N, $L, $N)", constant, request, ref);
      } else {
        m.addStatement("return client.execute($N, $L, $T.class)", constant, request,
            rawClass(types.javaType(op.response())));
      }
      methods.add(m.build());
    }
    type.addFields(typeRefs);
    type.addField(FieldSpec.builder(ApiClient.class, "client", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("$L\n", "A client whose every call goes through {@code client}.\n\n@param client the runtime"
            + " client: base URL, authentication, retries, rate limits and error mapping")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(ApiClient.class, "client")
        .addStatement("this.client = client")
        .build());
    type.addMethods(methods);
    return type.build();
  }

  private static TypeName rawClass(TypeName t) {
    return t instanceof ParameterizedTypeName p ? p.rawType() : t;
  }

  private MethodSpec.Builder signature(ApiModel model, OperationDef op, boolean withDoc) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(op.javaName())
        .returns(op.response() == null ? TypeName.VOID : types.javaType(op.response()));
    List<String> doc = new ArrayList<>();
    String summary = Naming.javadoc(op.summary());
    String description = Naming.javadoc(op.description());
    if (!summary.isEmpty()) {
      doc.add(summary.endsWith(".") ? summary : summary + ".");
    }
    if (!description.isEmpty() && !description.equals(summary)) {
      doc.add(description);
    }
    if (doc.isEmpty()) {
      doc.add(Naming.code(httpLine(op)) + ".");
    }
    List<String> tags = new ArrayList<>();
    for (Arg a : op.transport() instanceof OperationDef.GraphQl ? variables(model, op) : args(op)) {
      ParameterSpec.Builder p = ParameterSpec.builder(a.type(), a.javaName());
      if (!a.required()) {
        p.addAnnotation(Naming.NULLABLE_ANNOTATION);
      }
      m.addParameter(p.build());
      tags.add("@param " + a.javaName() + " " + (a.doc().isEmpty() ? a.param() == null ? a.variable() != null
          ? "the " + Naming.code("$" + a.variable()) + " variable" : "the request body"
          : "the " + Naming.code(a.param().name()) + " " + a.param().location().name().toLowerCase(
              java.util.Locale.ROOT) + " parameter" : a.doc()) + (a.required() ? "" : " (optional)"));
    }
    if (op.response() != null) {
      tags.add("@return the decoded response body");
    }
    tags.add("@throws ProviderException typed by the provider's error format");
    doc.add(String.join("\n", tags));
    if (withDoc) {
      m.addJavadoc("$L\n", String.join("\n\n", doc));
    }
    m.addException(ProviderException.class);
    if (op.deprecated()) {
      m.addAnnotation(Deprecated.class);
    }
    return m;
  }

  private static String httpLine(OperationDef op) {
    if (op.transport() instanceof OperationDef.GraphQl graphQl) {
      return graphQl.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + graphQl.operationName();
    }
    OperationDef.Http http = (OperationDef.Http) op.transport();
    return http.method() + " " + http.path();
  }

  /**
   * A GraphQL operation's arguments: its variables, in the order the document declares them (the order of the
   * variables record's components).
   */
  private List<Arg> variables(ApiModel model, OperationDef op) {
    List<Arg> out = new ArrayList<>();
    for (FieldDef f : variablesRecord(model, op)) {
      out.add(new Arg(f.javaName(), types.javaType(f.type()), f.required(), "", null, f.jsonName()));
    }
    return out;
  }

  private static List<FieldDef> variablesRecord(ApiModel model, OperationDef op) {
    if (op.body() == null) {
      return List.of();
    }
    String name = ((TypeRef.Named) op.body().type()).name();
    return model.type(name).filter(RecordDef.class::isInstance).map(t -> ((RecordDef) t).fields())
        .orElseThrow(() -> new IllegalStateException("variables record " + name + " of " + op.id() + " is missing"));
  }

  /** {@code {query, operationName, variables}}: the values only ever travel as variables. */
  private CodeBlock graphQlRequest(ApiModel model, OperationDef op, OperationDef.GraphQl graphQl, String document) {
    CodeBlock variables;
    if (op.body() == null) {
      variables = CodeBlock.of("null");
    } else {
      List<CodeBlock> args = new ArrayList<>();
      for (FieldDef f : variablesRecord(model, op)) {
        args.add(CodeBlock.of("$N", f.javaName()));
      }
      variables = CodeBlock.of("new $T($L)", types.javaType(op.body().type()), CodeBlock.join(args, ", "));
    }
    return CodeBlock.of("$T.builder().body(new $T($N, $S, $L)).build()", ApiRequest.class, GraphQlRequest.class,
        document, graphQl.operationName(), variables);
  }

  /** In the order {@link Arguments} decides (the generated tests call the method the same way). */
  private List<Arg> args(OperationDef op) {
    List<Arg> out = new ArrayList<>();
    for (Arguments.Argument a : Arguments.of(op)) {
      ParamDef p = a.param();
      out.add(p != null
          ? new Arg(p.javaName(), types.javaType(p.type()), p.required(), Naming.javadoc(p.description()), p, null)
          : new Arg(BODY, types.javaType(a.body().type()), a.body().required(), "", null, null));
    }
    return out;
  }

  private CodeBlock request(OperationDef op) {
    if (op.params().isEmpty() && op.body() == null) {
      return CodeBlock.of("$T.empty()", ApiRequest.class);
    }
    CodeBlock.Builder b = CodeBlock.builder().add("$T.builder()", ApiRequest.class);
    for (ParamDef p : op.params()) {
      String method = switch (p.location()) {
        case PATH -> "path";
        case QUERY -> "query";
        case HEADER -> "header";
      };
      b.add(".$L($S, $N)", method, p.name(), p.javaName());
    }
    if (op.body() != null) {
      b.add(".body($N)", BODY);
      if (!op.body().contentType().equals("application/json")) {
        b.add(".contentType($S)", op.body().contentType());
      }
    }
    return b.add(".build()").build();
  }
}
