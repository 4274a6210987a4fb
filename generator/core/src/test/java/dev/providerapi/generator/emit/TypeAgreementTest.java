package dev.providerapi.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.CodeBlock;
import dev.providerapi.generator.Generator;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.BodyDef;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.TypeRef.PrimitiveKind;
import dev.providerapi.generator.testing.GeneratedTests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client emitters and the generated client tests take Java types and example values from one table
 * ({@link TypeMapper#scalar}). Proved for every scalar kind: as a parameter in the path, the query and a header,
 * as a required, a list, a map and a nullable record component of a request body and a response, plus a query
 * list of an inline enum and list and map responses. The generated client and its generated test are compiled
 * together with {@code -Xlint:all -Werror}, and the generated test is run: every exchange must pass.
 */
class TypeAgreementTest {
  @TempDir Path out;

  /** A wire value of each kind, other than the table's own examples, for response and request bodies. */
  private static final Map<PrimitiveKind, String> JSON = new EnumMap<>(Map.ofEntries(
      Map.entry(PrimitiveKind.STRING, "\"hello\""),
      Map.entry(PrimitiveKind.INT32, "2147483647"),
      Map.entry(PrimitiveKind.INT64, "9007199254740993"),
      Map.entry(PrimitiveKind.DECIMAL, "0.30000000000000000001"),
      Map.entry(PrimitiveKind.DOUBLE, "2.5"),
      Map.entry(PrimitiveKind.BOOLEAN, "false"),
      Map.entry(PrimitiveKind.DATE, "\"2025-06-30\""),
      Map.entry(PrimitiveKind.DATE_TIME, "\"2025-06-30T23:59:58.123+02:00\""),
      Map.entry(PrimitiveKind.UUID, "\"3f0c9b1e-4d2a-4c8e-9a51-0d6f2b7c8e91\""),
      Map.entry(PrimitiveKind.URI, "\"https://files.example.test/a%20b?x=1\""),
      Map.entry(PrimitiveKind.BINARY, "\"AAEC/w==\""),
      Map.entry(PrimitiveKind.ANY, "{\"free\":[1,\"form\"]}")));

  @Test
  void everyKindsExampleIsAValueOfItsJavaType() {
    StringBuilder src = new StringBuilder("package t;\nclass Examples {\n");
    for (PrimitiveKind kind : PrimitiveKind.values()) {
      TypeMapper.Scalar scalar = TypeMapper.scalar(kind);
      src.append(CodeBlock.of("  $T k$L = $L;\n", scalar.type(), kind.ordinal(), scalar.example("text")));
    }
    src.append("}\n");
    Compilation c = Compiler.javac().withOptions("-Xlint:all", "-Werror", "-proc:none")
        .compile(JavaFileObjects.forSourceString("t.Examples", src.toString()));
    assertThat(c.status()).as(src + "\n" + c.diagnostics()).isEqualTo(Compilation.Status.SUCCESS);
  }

  @Test
  void generatedTestsOfEveryKindCompileWithTheClientAndPass() throws Exception {
    ApiModel model = model();
    Path spec = Files.writeString(out.resolve("kinds.yaml"), "openapi: 3.0.3\ninfo: {title: Kinds, version: '1'}\n"
        + "paths: {}\n");
    Path target = out.resolve("gen");
    new Generator(Map.of("openapi", (file, envelope) -> model), JavaEmitters::emit).generateSpec(spec, target,
        new Generator.SpecOptions("kinds", null, Generator.Mode.WRITE, null, "https://kinds.example.test", null));

    ClassLoader classes = compile(target.resolve("src"));
    String test = Files.readString(target.resolve("src/generated-test/java/generated/kinds/api/KindsApiClientTest.java"));
    // The Java types the test declares are the ones the client takes and returns.
    assertThat(test)
        .contains("generated.kinds.model.UuidValue result = mock.api().getUuid(\"00000000-0000-0000-0000-000000000007\", "
            + "\"00000000-0000-0000-0000-000000000007\", \"00000000-0000-0000-0000-000000000007\");")
        .contains("mock.api().getDateTime(java.time.OffsetDateTime.parse(\"2024-01-02T03:04:05Z\")")
        .contains("mock.api().getInt64(7L, 7L, 7L)")
        .contains("mock.api().getDecimal(new java.math.BigDecimal(\"1.5\")")
        .contains("java.util.List<generated.kinds.model.Color> result = mock.api().listColors(java.util.List.of("
            + "mock.mapper().convertValue(\"red\", generated.kinds.model.Color.class)), java.util.List.of(7L));")
        .contains("java.util.Map<String, java.math.BigDecimal> result = mock.api().prices();");

    GeneratedTests.Outcome outcome = GeneratedTests.run(classes.loadClass("generated.kinds.api.KindsApiClientTest"));

    int operations = model.operations().size();
    assertThat(outcome.failures()).isEmpty();
    assertThat(outcome.found()).isEqualTo(operations + 4L);
    assertThat(outcome.succeeded()).isEqualTo(outcome.found());
  }

  // ---- the model: one get and one put per kind, and the collections ----

  private static ApiModel model() {
    List<TypeDef> types = new ArrayList<>();
    List<OperationDef> ops = new ArrayList<>();
    types.add(new EnumDef("Color", null, "#/Color", PrimitiveKind.STRING, List.of(
        new EnumDef.EnumValue("red", "RED", null), new EnumDef.EnumValue("green", "GREEN", null))));
    for (PrimitiveKind kind : PrimitiveKind.values()) {
      String camel = camel(kind);
      String record = Character.toUpperCase(camel.charAt(0)) + camel.substring(1) + "Value";
      TypeRef k = new TypeRef.Primitive(kind);
      types.add(new RecordDef(record, null, "#/" + record, List.of(
          new FieldDef("value", "value", k, true, false, null, false, false),
          new FieldDef("values", "values", new TypeRef.ListOf(k), false, false, null, false, false),
          new FieldDef("by_name", "byName", new TypeRef.MapOf(k), false, false, null, false, false),
          new FieldDef("maybe", "maybe", k, false, true, null, false, false)), null, false));
      String json = JSON.get(kind);
      String body = "{\"value\":" + json + ",\"values\":[" + json + "],\"by_name\":{\"a\":" + json + "},\"maybe\":null}";
      List<ParamDef> params = new ArrayList<>();
      // A byte[] parameter would be sent as Java's array text: binary travels in bodies only.
      if (kind != PrimitiveKind.BINARY) {
        params.add(new ParamDef("p", "p", ParamDef.Location.PATH, k, true, null));
        params.add(new ParamDef("q", "q", ParamDef.Location.QUERY, k, true, null));
        params.add(new ParamDef("X-Kind", "xKind", ParamDef.Location.HEADER, k, true, null));
      }
      ops.add(new OperationDef("get" + cap(camel), "get" + cap(camel), null, null,
          new OperationDef.Http("get", kind == PrimitiveKind.BINARY ? "/binary" : "/" + camel + "/{p}"), params, null,
          new TypeRef.Named(record), null, 200, true, false, List.of(new OperationDef.Example("ok", null, body, 200))));
      ops.add(new OperationDef("put" + cap(camel), "put" + cap(camel), null, null,
          new OperationDef.Http("put", "/" + camel), List.of(),
          new BodyDef("application/json", new TypeRef.Named(record), true), new TypeRef.Named(record), null, 200, true,
          false, List.of(new OperationDef.Example("ok", body, body, 200))));
    }
    ops.add(new OperationDef("listColors", "listColors", null, null, new OperationDef.Http("get", "/colors"), List.of(
        new ParamDef("colors", "colors", ParamDef.Location.QUERY, new TypeRef.ListOf(new TypeRef.Named("Color")), true,
            null),
        new ParamDef("sizes", "sizes", ParamDef.Location.QUERY,
            new TypeRef.ListOf(new TypeRef.Primitive(PrimitiveKind.INT64)), true, null)),
        null, new TypeRef.ListOf(new TypeRef.Named("Color")), null, 200, true, false,
        // an unknown value decodes (to UNKNOWN, keeping its text) and re-serializes as it came
        List.of(new OperationDef.Example("ok", null, "[\"green\",\"ultraviolet\"]", 200))));
    ops.add(new OperationDef("prices", "prices", null, null, new OperationDef.Http("get", "/prices"), List.of(), null,
        new TypeRef.MapOf(new TypeRef.Primitive(PrimitiveKind.DECIMAL)), null, 200, true, false,
        List.of(new OperationDef.Example("ok", null, "{\"h100\":2.49,\"a100\":1.10}", 200))));
    ops.add(new OperationDef("noExample", "noExample", null, null, new OperationDef.Http("post", "/nothing"), List.of(),
        new BodyDef("application/json", new TypeRef.Named("DateTimeValue"), false), new TypeRef.Named("UuidValue"), null,
        201, false, false, List.of()));
    return new ApiModel("Kinds", "1", null, List.of("https://kinds.example.test"), types, ops, "kinds.yaml");
  }

  private static String camel(PrimitiveKind kind) {
    String[] parts = kind.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(cap(parts[i]));
    }
    return sb.toString();
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static ClassLoader compile(Path src) throws IOException {
    List<JavaFileObject> sources;
    try (Stream<Path> files = Files.walk(src)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(TypeAgreementTest::source).toList();
    }
    Compilation c = Compiler.javac().withOptions("-Xlint:all", "-Werror", "-proc:none").compile(sources);
    assertThat(c.status()).as(c.diagnostics().toString()).isEqualTo(Compilation.Status.SUCCESS);
    return new ClassLoader(TypeAgreementTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        String suffix = "/" + name.replace('.', '/') + ".class";
        for (JavaFileObject f : c.generatedFiles()) {
          if (f.getKind() == JavaFileObject.Kind.CLASS && f.toUri().getPath().endsWith(suffix)) {
            try (InputStream in = f.openInputStream()) {
              byte[] bytes = in.readAllBytes();
              return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
        }
        throw new ClassNotFoundException(name);
      }
    };
  }

  private static JavaFileObject source(Path p) {
    try {
      String text = Files.readString(p);
      String pkg = text.lines().filter(l -> l.startsWith("package ")).findFirst().orElse("package ;")
          .replace("package ", "").replace(";", "").trim();
      String name = p.getFileName().toString().replace(".java", "");
      return JavaFileObjects.forSourceString(pkg.isEmpty() ? name : pkg + "." + name, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
