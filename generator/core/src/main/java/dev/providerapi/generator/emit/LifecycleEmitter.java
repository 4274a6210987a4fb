package dev.providerapi.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.manifest.Binding;
import dev.providerapi.generator.manifest.OperationBindings;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.Arguments;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypePointer;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.lifecycle.ErrorMatch;
import dev.providerapi.lifecycle.Failures;
import dev.providerapi.lifecycle.InstanceIds;
import dev.providerapi.lifecycle.KubernetesNames;
import dev.providerapi.lifecycle.Paginator;
import dev.providerapi.lifecycle.RequestBodies;
import dev.providerapi.lifecycle.TokenNames;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle methods of {@code <Prefix>ProviderBase} that provider.yaml's long-form bindings declare: get
 * (not found -> empty, an unreadable answer -> UnexpectedResponseException), list with every page,
 * findByClientToken, terminate (already gone = success), stop/start/restart and one launch attempt (the base
 * runs it through the launch guard). Ids are checked before anything is sent. What no binding can say stays
 * abstract: one {@code toInstance} per wire type, the launch body, and a {@code <param>Argument()} for each
 * required parameter nothing else fills (CoreWeave's namespace). Short-form bindings emit nothing.
 */
final class LifecycleEmitter {
  private static final ClassName INSTANCE = ClassName.get(Instance.class);

  private final ProviderManifest manifest;
  private final ApiModel model;
  private final TypeMapper types;
  /** Wire type -> the operation ids it comes from (one abstract toInstance each). */
  private final Map<TypeName, List<String>> wireTypes = new LinkedHashMap<>();
  /** Wire type -> its name in the model. */
  private final Map<TypeName, String> wireNames = new LinkedHashMap<>();
  private final Map<String, MethodSpec> hooks = new TreeMap<>();
  private final List<FieldSpec> fields = new ArrayList<>();
  private final List<MethodSpec> methods = new ArrayList<>();

  LifecycleEmitter(ProviderManifest manifest, ApiModel model, TypeMapper types) {
    this.manifest = manifest;
    this.model = model;
    this.types = types;
  }

  void emit(TypeSpec.Builder type) {
    manifest.longForm("get").ifPresent(this::get);
    manifest.longForm("list").ifPresent(this::list);
    manifest.longForm("launch").ifPresent(this::launch);
    manifest.longForm("terminate").ifPresent(this::terminate);
    for (String role : List.of("stop", "start", "restart")) {
      manifest.longForm(role).ifPresent(b -> change(b, switch (role) {
        case "stop" -> InstanceStatus.STOPPING;
        default -> InstanceStatus.PROVISIONING;
      }));
    }
    type.addFields(fields);
    type.addMethods(methods);
    FieldMapEmitter fieldMaps = new FieldMapEmitter(manifest, model, types);
    String mapped = fieldMaps.instanceType(List.copyOf(wireNames.values()));
    wireTypes.forEach((wire, ops) -> {
      MethodSpec.Builder m = MethodSpec.methodBuilder("toInstance")
          .addModifiers(Modifier.PROTECTED)
          .returns(INSTANCE)
          .addParameter(wire, "wire");
      if (wireNames.get(wire).equals(mapped)) {
        m.addJavadoc("The wire instance of $L as ours: the fields provider.yaml's {@code instanceFields} maps. An "
            + "adapter overrides it to add what no pointer can say ({@code instanceFields(wire)...build()}).\n\n"
            + "@param wire the instance as the provider's answer carries it (never null)\n"
            + "@return the instance in the common model\n", String.join(", ", ops))
            .addStatement("return instanceFields(wire).build()");
      } else {
        m.addJavadoc("The wire instance of $L as ours (status through {@link #mapStatus}).\n\n"
            + "@param wire the instance as the provider's answer carries it (never null)\n"
            + "@return the instance in the common model\n", String.join(", ", ops))
            .addModifiers(Modifier.ABSTRACT);
      }
      type.addMethod(m.build());
    });
    if (mapped != null) {
      type.addMethod(fieldMaps.instanceFields(mapped));
    }
    fieldMaps.offerFields().ifPresent(type::addMethod);
    type.addMethods(hooks.values());
  }

  // ---- roles ----

  private void get(Binding b) {
    OperationDef op = op(b);
    MethodSpec.Builder m = MethodSpec.methodBuilder("get")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), INSTANCE))
        .addParameter(String.class, "instanceId");
    CodeBlock id = instanceId(m, b, op, "return $T.empty()", Optional.class);
    String match = errorMatch("GET_NOT_FOUND", b.notFound());
    TypeName response = types.javaType(op.response());
    Call call = call(b, op, Map.of(), id, null);
    m.addStatement("$T response", response);
    m.beginControlFlow("try");
    m.addCode(call.prelude());
    m.addStatement("response = $L", call.expression());
    m.nextControlFlow("catch ($T e)", ProviderException.class);
    m.beginControlFlow("if ($N.matches(e))", match);
    m.addStatement("return $T.empty()", Optional.class);
    m.endControlFlow();
    m.addStatement("throw e");
    m.endControlFlow();
    String pointer = b.instancePointer() == null ? "/" : b.instancePointer();
    Read read = read(op.response(), CodeBlock.of("response"), pointer, op.id() + " instance");
    CodeBlock missing = CodeBlock.of("() -> $T.unexpected(name(), $S, $S)", Failures.class, op.id(),
        "the answer carries no instance" + (pointer.equals("/") ? "" : " at " + pointer));
    if (read.type() instanceof TypeRef.ListOf l) {
      wire(l.element(), op);
      m.addStatement("return $L.orElseThrow($L).stream().filter($T::nonNull).map(this::toInstance)"
          + ".filter(i -> id.equals(i.id())).findFirst()", read.code(), missing, Objects.class);
    } else if (b.absentIsNotFound()) {
      wire(read.type(), op);
      m.addComment("provider.yaml: an answer without the instance means the provider no longer knows it");
      m.addStatement("return $L.map(this::toInstance)", read.code());
    } else {
      wire(read.type(), op);
      m.addStatement("return $T.of(toInstance($L.orElseThrow($L)))", Optional.class, read.code(), missing);
    }
    methods.add(m.build());
  }

  private void list(Binding b) {
    OperationDef op = op(b);
    TypeRef.ListOf items = (TypeRef.ListOf) TypePointer.resolve(model, op.response(),
        b.itemsPointer() == null ? "/" : b.itemsPointer()).type();
    wire(items.element(), op);
    TypeName item = types.javaType(items.element());
    TypeName itemList = ParameterizedTypeName.get(ClassName.get(List.class), item);
    methods.add(MethodSpec.methodBuilder("list")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), INSTANCE))
        .addStatement("return listItems(null).stream().map(this::toInstance).toList()")
        .build());
    Binding.ClientToken token = manifest.longForm("launch").map(Binding::clientToken).orElse(null);
    String filterParam = token != null && token.lookup() == Binding.TokenLookup.FILTER ? token.filterParam() : null;
    MethodSpec.Builder m = MethodSpec.methodBuilder("listItems")
        .addJavadoc("Every item of $L, all pages$L.\n", op.id(), filterParam == null ? ""
            : ", filtered by {@code " + filterParam + "} when {@code filter} is given")
        .addModifiers(Modifier.PRIVATE)
        .returns(itemList)
        .addParameter(ClassName.get(String.class).annotated(Naming.NULLABLE_ANNOTATION), "filter");
    Binding.Pagination p = b.pagination();
    Map<String, CodeBlock> given = new LinkedHashMap<>();
    if (filterParam != null) {
      given.put(filterParam, CodeBlock.of("filter"));
    }
    if (p.sizeParam() != null) {
      given.put(p.sizeParam(), literal(param(op, p.sizeParam()).type(), (long) p.size(), "pagination.size"));
    }
    TypeName response = types.javaType(op.response());
    String itemsPointer = b.itemsPointer() == null ? "/" : b.itemsPointer();
    CodeBlock readItems = CodeBlock.of("$L.orElse($T.of()).stream().filter($T::nonNull).toList()",
        read(op.response(), CodeBlock.of("page"), itemsPointer, op.id()).code(), List.class, Objects.class);
    CodeBlock noBody = CodeBlock.of("$T.unexpected(name(), $S, $S)", Failures.class, op.id(),
        "a page of the listing answered no body; the listing is not trusted");
    switch (p.style()) {
      case NONE -> {
        Call call = call(b, op, given, null, null);
        m.addCode(call.prelude());
        m.addStatement("$T page = $L", response, call.expression());
        m.beginControlFlow("if (page == null)").addStatement("throw $L", noBody).endControlFlow();
        m.addStatement("return $L", readItems);
      }
      case CURSOR -> {
        given.put(p.cursorParam(), CodeBlock.of("cursor"));
        Call call = call(b, op, given, null, null);
        CodeBlock.Builder lambda = CodeBlock.builder();
        lambda.add(call.prelude());
        lambda.addStatement("$T page = $L", response, call.expression());
        lambda.beginControlFlow("if (page == null)").addStatement("throw $L", noBody).endControlFlow();
        lambda.addStatement("$T next = $L.map($T::valueOf).orElse(null)", String.class,
            read(op.response(), CodeBlock.of("page"), p.nextPointer(), op.id()).code(), String.class);
        if (p.hasMorePointer() != null) {
          lambda.beginControlFlow("if (!$L.orElse(false))",
              read(op.response(), CodeBlock.of("page"), p.hasMorePointer(), op.id()).code());
          lambda.addStatement("next = null");
          lambda.endControlFlow();
        }
        lambda.addStatement("return new $T.Page<>($L, next)", Paginator.class, readItems);
        m.addCode("return new $T(name(), $S).byCursor(cursor -> {\n", Paginator.class, op.id());
        m.addCode(CodeBlock.builder().indent().add(lambda.build()).unindent().build());
        m.addCode("});\n");
      }
      case PAGE, OFFSET -> {
        given.put(p.numberParam(), CodeBlock.of("number"));
        Call call = call(b, op, given, null, null);
        CodeBlock.Builder lambda = CodeBlock.builder();
        lambda.add(call.prelude());
        lambda.addStatement("$T page = $L", response, call.expression());
        lambda.beginControlFlow("if (page == null)").addStatement("throw $L", noBody).endControlFlow();
        lambda.addStatement("return $L", readItems);
        m.addCode("return new $T(name(), $S).byNumber($L, $L, $L, number -> {\n", Paginator.class, op.id(), p.first(),
            p.style() == Binding.PaginationStyle.PAGE ? 1 : p.size(), p.size());
        m.addCode(CodeBlock.builder().indent().add(lambda.build()).unindent().build());
        m.addCode("});\n");
      }
    }
    methods.add(m.build());
  }

  private void launch(Binding b) {
    if (b.idPointer() == null) {
      clientToken(b.clientToken()); // the adapter writes launchInstance; the token still drives the lookup
      return;
    }
    OperationDef op = op(b);
    TypeName body = launchBodyType(op);
    MethodSpec.Builder m = MethodSpec.methodBuilder("launchInstance")
        .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .returns(INSTANCE)
        .addParameter(LaunchRequest.class, "request");
    Call call = call(b, op, Map.of(), null, CodeBlock.of("launchBody(request)"));
    m.addStatement("$T response", types.javaType(op.response()));
    m.beginControlFlow("try");
    m.addCode(call.prelude());
    m.addStatement("response = $L", call.expression());
    m.nextControlFlow("finally");
    m.addComment("the offer is taken now, or the launch failed because it was gone: either way stale");
    m.addStatement("invalidateOffers()");
    m.endControlFlow();
    m.addStatement("$T id = $L.map($T::valueOf).filter(s -> !s.isBlank()).orElseThrow(() -> $T.unexpected(name(),"
        + " $S, $S))", String.class, read(op.response(), CodeBlock.of("response"), b.idPointer(), op.id()).code(),
        String.class, Failures.class, op.id(), "the launch answered success without an instance id at "
        + b.idPointer());
    m.addStatement("return launched(id, request, $L)", rawStatus(b, op));
    methods.add(m.build());
    methods.add(MethodSpec.methodBuilder("launchBody")
        .addJavadoc("The $L $L for one launch attempt (placement, image, keys, script, the client token).\n\n"
            + "@param request the caller's launch, its client token set\n@return what is sent\n",
            op.id(), op.transport() instanceof OperationDef.GraphQl ? "variables" : "request body")
        .addModifiers(Modifier.PROTECTED, Modifier.ABSTRACT)
        .returns(body)
        .addParameter(LaunchRequest.class, "request")
        .build());
    clientToken(b.clientToken());
  }

  private void clientToken(Binding.@Nullable ClientToken token) {
    if (token != null) {
      if (token.key() != null) {
        fields.add(FieldSpec.builder(String.class, "CLIENT_TOKEN_KEY", Modifier.PROTECTED, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The $L that carries a launch's client token.\n", token.carrier().name().toLowerCase(
                java.util.Locale.ROOT))
            .initializer("$S", token.key()).build());
      }
      if (token.format() != null) {
        tokenNames(token.format());
      }
      findByClientToken(token);
    }
  }

  /** A name carrier's {@code TOKEN_NAMES} and the {@code instanceName(request)} a launch body sends. */
  private void tokenNames(String format) {
    fields.add(FieldSpec.builder(TokenNames.class, "TOKEN_NAMES", Modifier.PROTECTED, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("How an instance name carries a launch's client token (provider.yaml's clientToken format).\n")
        .initializer("$T.of($S)", TokenNames.class, format).build());
    methods.add(MethodSpec.methodBuilder("instanceName")
        .addJavadoc("The instance name a launch sends: the caller's name and the client token in the format $L,"
            + " the bare token when the caller gives no name.\n\n@param request the caller's launch, its client"
            + " token set\n@return the instance name\n", "{@code " + format + "}")
        .addModifiers(Modifier.PROTECTED, Modifier.STATIC)
        .returns(String.class)
        .addParameter(LaunchRequest.class, "request")
        .addStatement("return TOKEN_NAMES.name(request.name(), request.clientToken())")
        .build());
  }

  private void findByClientToken(Binding.ClientToken token) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("findByClientToken")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), INSTANCE))
        .addParameter(String.class, "clientToken");
    CodeBlock also = token.format() == null ? CodeBlock.of("i -> clientToken.equals(i.name())")
        : CodeBlock.of("i -> TOKEN_NAMES.carries(i.name(), clientToken)");
    switch (token.lookup()) {
      case LIST -> m.addStatement("return withClientToken(list(), clientToken, $L, $L)", also, token.skipGone());
      case FILTER -> m.addStatement("return withClientToken(listItems($T.fill($S, clientToken)).stream()"
          + ".map(this::toInstance).toList(), clientToken, $L, $L)", RequestBodies.class, token.filterValue(), also,
          token.skipGone());
      case GET -> {
        m.addStatement("return withClientToken(get(instanceIdForClientToken(clientToken)).stream().toList(),"
            + " clientToken, i -> true, $L)", token.skipGone());
        MethodSpec.Builder derive = MethodSpec.methodBuilder("instanceIdForClientToken")
            .addJavadoc("The id the instance launched with {@code clientToken} has (it derives from the token$L).\n\n"
                + "@param clientToken the launch's client token\n@return the instance id it gives\n",
                token.kubernetesName() == null ? "" : ": the token as a Kubernetes object name, {@code "
                    + token.kubernetesName() + "} in front when it does not start with a letter")
            .returns(String.class)
            .addParameter(String.class, "clientToken");
        if (token.kubernetesName() == null) {
          derive.addModifiers(Modifier.PROTECTED, Modifier.ABSTRACT);
        } else {
          derive.addModifiers(Modifier.PROTECTED)
              .addStatement("return $T.fromToken(clientToken, $S)", KubernetesNames.class, token.kubernetesName());
        }
        hooks.put("instanceIdForClientToken", derive.build());
      }
    }
    methods.add(m.build());
  }

  private void terminate(Binding b) {
    OperationDef op = op(b);
    MethodSpec.Builder m = MethodSpec.methodBuilder("terminateInstance")
        .addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .addParameter(String.class, "instanceId");
    CodeBlock id = instanceId(m, b, op, "return", null);
    String gone = errorMatch("TERMINATE_ALREADY_GONE", b.alreadyGone());
    Call call = call(b, op, Map.of(), id, null);
    m.beginControlFlow("try");
    m.addCode(call.prelude());
    m.addStatement("$L", call.expression());
    m.nextControlFlow("catch ($T e)", ProviderException.class);
    m.beginControlFlow("if ($N.matches(e))", gone);
    m.addStatement("return");
    m.endControlFlow();
    if (!b.confirmGone().isEmpty()) {
      String confirm = errorMatch("TERMINATE_CONFIRM_GONE", b.confirmGone());
      m.beginControlFlow("if ($N.matches(e))", confirm);
      m.addComment("refused rather than answered 404: gone only if a read says so");
      m.addStatement("$T current = get(id)", ParameterizedTypeName.get(ClassName.get(Optional.class), INSTANCE));
      m.beginControlFlow("if (current.isEmpty() || current.get().status().isFinal())");
      m.addStatement("return");
      m.endControlFlow();
      m.endControlFlow();
    }
    m.addStatement("throw e");
    m.endControlFlow();
    methods.add(m.build());
  }

  private void change(Binding b, InstanceStatus meanwhile) {
    OperationDef op = op(b);
    MethodSpec.Builder m = MethodSpec.methodBuilder(b.role())
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(INSTANCE)
        .addParameter(String.class, "instanceId");
    CodeBlock id = instanceId(m, b, op, null, null);
    Call call = call(b, op, Map.of(), id, null);
    m.addCode(call.prelude());
    CodeBlock answered = CodeBlock.of("null");
    if (b.instancePointer() != null || b.statusPointer() != null) {
      m.addStatement("$T response = $L", types.javaType(op.response()), call.expression());
    } else {
      m.addStatement("$L", call.expression());
    }
    if (b.instancePointer() != null) {
      Read read = read(op.response(), CodeBlock.of("response"), b.instancePointer(), op.id());
      if (read.type() instanceof TypeRef.ListOf l) {
        wire(l.element(), op);
        answered = CodeBlock.of("$L.orElse($T.of()).stream().filter($T::nonNull).map(this::toInstance)"
            + ".filter(i -> id.equals(i.id())).findFirst().orElse(null)", read.code(), List.class, Objects.class);
      } else {
        wire(read.type(), op);
        answered = CodeBlock.of("$L.map(this::toInstance).filter(i -> id.equals(i.id())).orElse(null)", read.code());
      }
    }
    m.addStatement("return afterChange(id, $L, $T.$L, $L, $S)", answered, InstanceStatus.class, meanwhile.name(),
        rawStatus(b, op), op.id());
    methods.add(m.build());
  }

  // ---- pieces ----

  /** The call's statements before it (GraphQL variables) and the call expression. */
  private record Call(CodeBlock prelude, CodeBlock expression) {}

  /**
   * {@code api().<op>(...)}: the id where the binding says, {@code given} parameters (cursor, page size,
   * filter), constants from {@code args}, null for other optional ones and a hook for other required ones.
   */
  private Call call(Binding b, OperationDef op, Map<String, CodeBlock> given, @Nullable CodeBlock id,
      @Nullable CodeBlock launchBody) {
    Binding.IdTarget target = id == null ? null : OperationBindings.idTarget(b, op).orElseThrow();
    String javaName = op.javaName();
    if (op.transport() instanceof OperationDef.GraphQl) {
      if (op.body() == null) {
        return new Call(CodeBlock.of(""), CodeBlock.of("api().$N()", javaName));
      }
      TypeName varsType = types.javaType(op.body().type());
      CodeBlock vars = launchBody != null ? launchBody : body(b, op, target, id);
      List<CodeBlock> args = new ArrayList<>();
      for (FieldDef f : record(op.body().type()).fields()) {
        args.add(CodeBlock.of("vars.$N()", f.javaName()));
      }
      return new Call(CodeBlock.builder().addStatement("$T vars = $L", varsType, vars).build(),
          CodeBlock.of("api().$N($L)", javaName, CodeBlock.join(args, ", ")));
    }
    List<CodeBlock> args = new ArrayList<>();
    for (Arguments.Argument a : Arguments.of(op)) {
      ParamDef p = a.param();
      if (p == null) {
        args.add(launchBody != null ? launchBody
            : b.body() != null || target != null && target.bodyPointer() != null ? body(b, op, target, id)
            : a.required() ? missingBody(b, op) : CodeBlock.of("null"));
      } else if (target != null && p.name().equals(target.param())) {
        args.add(id);
      } else if (given.containsKey(p.name())) {
        args.add(given.get(p.name()));
      } else if (b.args().containsKey(p.name())) {
        args.add(literal(p.type(), b.args().get(p.name()), "args." + p.name()));
      } else if (!p.required()) {
        args.add(CodeBlock.of("null"));
      } else if (KubeconfigEmitter.fillsNamespace(manifest, p)) {
        args.add(CodeBlock.of("namespace()")); // the tenant namespace, from the config or the kubeconfig
      } else {
        String hook = p.javaName() + "Argument";
        hooks.put(hook, MethodSpec.methodBuilder(hook)
            .addJavadoc("The value of the required {@code $L} parameter (provider.yaml gives it no constant).\n\n"
                + "@return the value every call sends\n", p.name())
            .addModifiers(Modifier.PROTECTED, Modifier.ABSTRACT)
            .returns(types.javaType(p.type()))
            .build());
        args.add(CodeBlock.of("$N()", hook));
      }
    }
    return new Call(CodeBlock.of(""), CodeBlock.of("api().$N($L)", javaName, CodeBlock.join(args, ", ")));
  }

  private CodeBlock body(Binding b, OperationDef op, Binding.@Nullable IdTarget target, @Nullable CodeBlock id) {
    String pointer = target == null ? null : target.bodyPointer();
    boolean asList = false;
    if (pointer != null) {
      asList = TypePointer.resolve(model, op.body().type(), pointer).type() instanceof TypeRef.ListOf;
    }
    return CodeBlock.of("$T.build(apiClient().objectMapper(), $S, $L, $L, $L, $T.class)", RequestBodies.class,
        b.body() == null ? "{}" : b.body(), pointer == null ? "null" : CodeBlock.of("$S", pointer), asList,
        pointer == null ? "null" : id, rawClass(types.javaType(op.body().type())));
  }

  private CodeBlock missingBody(Binding b, OperationDef op) {
    throw new SpecException(manifest.file(), "operations." + b.role(), op.id() + " needs a request body: declare "
        + "it with body: {...} (the id goes in with id: {body: /pointer})");
  }

  private TypeName launchBodyType(OperationDef op) {
    if (op.body() == null) {
      throw new SpecException(manifest.file(), "operations.launch", op.id() + " takes no request body, so the "
          + "generated launch has nothing to send; bind launch in the short form and write launchInstance");
    }
    return types.javaType(op.body().type());
  }

  /**
   * Declares {@code id} (checked, and converted for numeric ids) and returns the expression the call takes.
   * {@code notNumber} is what a non-numeric id does for a numeric-id provider (null: refuse it).
   */
  private CodeBlock instanceId(MethodSpec.Builder m, Binding b, OperationDef op, @Nullable String notNumber,
      @Nullable Class<?> notNumberType) {
    m.addStatement("$T id = $T.require(name(), $S, instanceId)", String.class, InstanceIds.class, b.role());
    Binding.IdTarget target = OperationBindings.idTarget(b, op).orElseThrow();
    TypeRef type = target.param() != null ? param(op, target.param()).type()
        : TypePointer.resolve(model, op.body().type(), target.bodyPointer()).type();
    if (type instanceof TypeRef.ListOf l) {
      type = l.element();
    }
    TypeRef.PrimitiveKind kind = ((TypeRef.Primitive) type).kind();
    if (kind != TypeRef.PrimitiveKind.INT32 && kind != TypeRef.PrimitiveKind.INT64) {
      return CodeBlock.of("id");
    }
    if (notNumber == null) {
      m.addStatement("long number = $T.requireLong(name(), $S, id)", InstanceIds.class, b.role());
    } else {
      m.addStatement("$T parsed = $T.asLong(name(), $S, id)", OptionalLong.class, InstanceIds.class, b.role());
      m.beginControlFlow("if (parsed.isEmpty())");
      m.addComment("ids are numbers: no instance has this one");
      if (notNumberType != null) {
        m.addStatement(notNumber, notNumberType);
      } else {
        m.addStatement(notNumber);
      }
      m.endControlFlow();
      m.addStatement("long number = parsed.getAsLong()");
    }
    return kind == TypeRef.PrimitiveKind.INT32 ? CodeBlock.of("$T.toIntExact(number)", Math.class)
        : CodeBlock.of("number");
  }

  private String errorMatch(String name, Binding.Errors errors) {
    CodeBlock kinds = CodeBlock.join(errors.kinds().stream()
        .map(k -> CodeBlock.of("$T.$L", ErrorKind.class, k.name())).toList(), ", ");
    CodeBlock codes = CodeBlock.join(errors.codes().stream().map(c -> CodeBlock.of("$S", c)).toList(), ", ");
    fields.add(FieldSpec.builder(ErrorMatch.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($T.of($L), $T.of($L))", ErrorMatch.class, List.class, kinds, List.class, codes)
        .build());
    return name;
  }

  private record Read(CodeBlock code, TypeRef type) {}

  /** {@code Optional.ofNullable(root).map(A::b)...}: the value at {@code pointer}, empty when any step is null. */
  private Read read(TypeRef rootType, CodeBlock root, String pointer, String what) {
    TypePointer.Resolved r = TypePointer.resolve(model, rootType, pointer);
    CodeBlock.Builder code = CodeBlock.builder().add("$T.ofNullable($L)", Optional.class, root);
    for (TypePointer.Step s : r.steps()) {
      if (s instanceof TypePointer.Field f) {
        code.add(".map($T::$N)", types.named(f.owner()), f.field().javaName());
      } else {
        int i = ((TypePointer.Index) s).index();
        code.add(".map(l -> l.size() > $L ? l.get($L) : null)", i, i);
      }
    }
    return new Read(code.build(), r.type());
  }

  /** The raw status the answer carries at provider.yaml's {@code status} pointer, or {@code null}. */
  private CodeBlock rawStatus(Binding b, OperationDef op) {
    if (b.statusPointer() == null) {
      return CodeBlock.of("null");
    }
    return CodeBlock.of("$L.map($T::valueOf).orElse(null)", read(op.response(), CodeBlock.of("response"),
        b.statusPointer(), op.id()).code(), String.class);
  }

  private void wire(TypeRef type, OperationDef op) {
    wireNames.putIfAbsent(types.javaType(type), type instanceof TypeRef.Named n ? n.name() : type.toString());
    wireTypes.computeIfAbsent(types.javaType(type), t -> new ArrayList<>()).add(op.id());
  }

  private CodeBlock literal(TypeRef type, Object value, String what) {
    if (type instanceof TypeRef.Primitive p) {
      switch (p.kind()) {
        case STRING, UUID, URI:
          return CodeBlock.of("$S", String.valueOf(value));
        case INT32:
          if (value instanceof Long n) {
            return CodeBlock.of("$L", Math.toIntExact(n));
          }
          break;
        case INT64:
          if (value instanceof Long n) {
            return CodeBlock.of("$LL", n);
          }
          break;
        case BOOLEAN:
          if (value instanceof Boolean v) {
            return CodeBlock.of("$L", v);
          }
          break;
        case DECIMAL:
          return CodeBlock.of("new $T($S)", BigDecimal.class, String.valueOf(value));
        case DOUBLE:
          return CodeBlock.of("$Ld", String.valueOf(value));
        default:
          break;
      }
    } else if (type instanceof TypeRef.Named n && !(model.type(n.name()).orElse(null) instanceof RecordDef)) {
      return CodeBlock.of("$T.of($S)", types.named(n.name()), String.valueOf(value));
    }
    throw new SpecException(manifest.file(), what, "value '" + value + "' does not fit the parameter's type " + type);
  }

  private OperationDef op(Binding b) {
    return model.operation(b.operationId()).orElseThrow();
  }

  private static ParamDef param(OperationDef op, String name) {
    return op.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  private RecordDef record(TypeRef ref) {
    return (RecordDef) model.type(((TypeRef.Named) ref).name()).orElseThrow();
  }

  private static TypeName rawClass(TypeName t) {
    return t instanceof ParameterizedTypeName p ? p.rawType() : t;
  }
}
