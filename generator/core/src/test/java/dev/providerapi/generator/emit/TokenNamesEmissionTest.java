package dev.providerapi.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.ProviderConfig;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.OperationBindings;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.openapi.OpenApiReader;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.http.internal.JsonMappers;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client token carried in the instance name ({@code clientToken: {in: name, format: ...}}, fixture
 * {@code fieldmaps/} with the launch's token moved to the name): the base emits {@code TOKEN_NAMES} and
 * {@code instanceName(request)}, finds by {@code TOKEN_NAMES.carries} and maps {@code clientToken: /label} through
 * {@code TOKEN_NAMES.token}; it compiles and names, finds and reads back as the format says.
 */
class TokenNamesEmissionTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fieldmaps");

  @TempDir Path dir;

  private List<JavaFile> emit(String clientToken) throws Exception {
    Files.copy(FIXTURE.resolve("openapi.yaml"), dir.resolve("openapi.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String yaml = Files.readString(FIXTURE.resolve("provider.yaml"))
        .replace("clientToken: {in: tag, key: acme-token}", "clientToken: " + clientToken)
        .replace("clientToken: /tags", "clientToken: /label");
    Path providerYaml = Files.writeString(dir.resolve("provider.yaml"), yaml);
    ProviderManifest manifest = new ManifestReader().read(providerYaml);
    ApiModel model = new OpenApiReader().read(dir.resolve("openapi.yaml"), null);
    OperationBindings.check(manifest, model);
    return JavaEmitters.emit(model, manifest);
  }

  private static String base(List<JavaFile> files) {
    return files.stream().filter(f -> f.typeSpec().name().equals("AcmeProviderBase")).findFirst().orElseThrow()
        .toString();
  }

  @Test
  void theBaseNamesFindsAndReadsTheTokenByTheFormat() throws Exception {
    List<JavaFile> files = emit("{in: name, format: '{name} [{token}]'}");
    String base = base(files);
    assertThat(base).contains("""
          /**
           * How an instance name carries a launch's client token (provider.yaml's clientToken format).
           */
          protected static final TokenNames TOKEN_NAMES = TokenNames.of("{name} [{token}]");
        """);
    assertThat(base).contains("""
          /**
           * The instance name a launch sends: the caller's name and the client token in the format {@code {name} [{token}]}, the bare token when the caller gives no name.
           *
           * @param request the caller's launch, its client token set
           * @return the instance name
           */
          protected static String instanceName(LaunchRequest request) {
            return TOKEN_NAMES.name(request.name(), request.clientToken());
          }
        """);
    assertThat(base).contains("return withClientToken(list(), clientToken, i -> TOKEN_NAMES.carries(i.name(),"
        + " clientToken), false);");
    assertThat(base).contains(".clientToken(TOKEN_NAMES.token(wire.label()))");

    Object provider = concreteProvider(files);
    Method instanceName = method(provider.getClass(), "instanceName");
    assertThat(instanceName.invoke(null, LaunchRequest.builder().instanceType("H100").name("train")
        .clientToken("pa-1").build())).isEqualTo("train [pa-1]");
    assertThat(instanceName.invoke(null, LaunchRequest.builder().instanceType("H100").clientToken("pa-1")
        .build())).isEqualTo("pa-1");
    ClassLoader loader = provider.getClass().getClassLoader();
    Object named = JsonMappers.create().readValue("{\"id\": 1, \"label\": \"job [pa-77]\", \"state\": \"running\"}",
        loader.loadClass("test.acme.model.Machine"));
    Instance i = ((Instance.Builder) method(provider.getClass(), "instanceFields").invoke(provider, named)).build();
    assertThat(i.clientToken()).isEqualTo("pa-77");
    assertThat(i.name()).isEqualTo("job [pa-77]");
  }

  @Test
  void nameSuffixIsTheFormatNameSeparatorTokenAndAPlainNameCarrierIsTheBareToken() throws Exception {
    String suffixed = base(emit("{in: name, nameSuffix: '-', skipGone: true}"));
    assertThat(suffixed).contains("TOKEN_NAMES = TokenNames.of(\"{name}-{token}\");");
    assertThat(suffixed).contains("return withClientToken(list(), clientToken, i -> TOKEN_NAMES.carries(i.name(),"
        + " clientToken), true);");
    assertThat(suffixed).contains(".clientToken(TOKEN_NAMES.token(wire.label()))");
    String plain = base(emit("{in: name}"));
    assertThat(plain).contains("TOKEN_NAMES = TokenNames.of(\"{token}\");");
    String tagged = base(emit("{in: tag, key: acme-token}"));
    assertThat(tagged).doesNotContain("TOKEN_NAMES").doesNotContain("instanceName(")
        .contains("i -> clientToken.equals(i.name())");
  }

  private static Method method(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name)) {
          m.setAccessible(true);
          return m;
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  /** The emitted base with every abstract method implemented by a throwing stub, constructed. */
  private static Object concreteProvider(List<JavaFile> files) throws Exception {
    Class<?> base = Compiled.compile(files).load("test.acme.AcmeProviderBase");
    Map<String, Method> abstracts = new LinkedHashMap<>();
    for (Class<?> c = base; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        abstracts.putIfAbsent(m.getName() + List.of(m.getParameterTypes()),
            Modifier.isAbstract(m.getModifiers()) ? m : null);
      }
    }
    TypeSpec.Builder stub = TypeSpec.classBuilder("StubProvider").addModifiers(javax.lang.model.element.Modifier.PUBLIC)
        .superclass(ClassName.get(base))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(javax.lang.model.element.Modifier.PUBLIC)
            .addParameter(ProviderConfig.class, "config").addStatement("super(config)").build());
    for (Method m : abstracts.values()) {
      if (m == null) {
        continue;
      }
      List<ParameterSpec> params = new ArrayList<>();
      for (int p = 0; p < m.getParameterCount(); p++) {
        params.add(ParameterSpec.builder(TypeName.get(m.getGenericParameterTypes()[p]), "p" + p).build());
      }
      stub.addMethod(MethodSpec.methodBuilder(m.getName()).addAnnotation(Override.class)
          .addModifiers(Modifier.isPublic(m.getModifiers()) ? javax.lang.model.element.Modifier.PUBLIC
              : javax.lang.model.element.Modifier.PROTECTED)
          .returns(TypeName.get(m.getGenericReturnType())).addParameters(params)
          .addStatement("throw new $T()", UnsupportedOperationException.class).build());
    }
    List<JavaFile> all = new ArrayList<>(files);
    all.add(JavaFile.builder("test.acme", stub.build()).build());
    return Compiled.compile(all).load("test.acme.StubProvider").getConstructor(ProviderConfig.class)
        .newInstance(ProviderConfig.builder().apiKey("k").baseUrl("http://127.0.0.1:9").build());
  }
}
