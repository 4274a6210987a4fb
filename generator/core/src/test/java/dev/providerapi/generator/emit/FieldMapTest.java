package dev.providerapi.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.ProviderConfig;
import dev.providerapi.errors.UnexpectedResponseException;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.OperationBindings;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.openapi.OpenApiReader;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.http.internal.JsonMappers;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.Offer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provider.yaml's {@code instanceFields} / {@code offerFields} (fixture {@code fieldmaps/}): the emitted
 * {@code instanceFields(wire)} / {@code offerFields(wire)} read each pointer null-safely with typed accessors,
 * compile, and map a wire answer to the right Instance and Offer; a pointer that does not fit is an error naming
 * the key.
 */
class FieldMapTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fieldmaps");
  private static final ObjectMapper JSON = JsonMappers.create();

  @TempDir Path dir;

  private static List<JavaFile> emit(Path providerYaml) {
    ProviderManifest manifest = new ManifestReader().read(providerYaml);
    ApiModel model = new OpenApiReader().read(providerYaml.resolveSibling("openapi.yaml"), null);
    OperationBindings.check(manifest, model);
    return JavaEmitters.emit(model, manifest);
  }

  private static String base(List<JavaFile> files) {
    return files.stream().filter(f -> f.typeSpec().name().equals("AcmeProviderBase")).findFirst().orElseThrow()
        .toString();
  }

  @Test
  void theBaseReadsEachPointerWithTypedNullSafeAccessors() {
    String base = base(emit(FIXTURE.resolve("provider.yaml")));
    assertThat(base).contains("""
          protected Instance.Builder instanceFields(Machine wire) {
            String id = Optional.ofNullable(wire.id()).map(String::valueOf).orElse(null);
            if (id == null || id.isBlank()) {
              throw Failures.unexpected(name(), "Machine", "an instance without an id");
            }
            String raw = Optional.ofNullable(wire.state()).map(State::value).orElse(null);
            int gpuCount = Optional.ofNullable(wire.hardware()).map(MachineHardware::gpuCount).map(Number::intValue).orElse(0);
            String publicIp = Optional.ofNullable(wire.ipv4()).filter(s -> !s.isBlank()).orElse(null);
            BigDecimal hourlyPrice = wire.rate();
            Instance.Builder b = Instance.builder(name(), id)
                .rawStatus(raw)
                .status(mapStatusOrUnknown(raw))
                .preempted(raw != null && isPreempted(raw))
                .gpuCount(gpuCount)
                .publicIp(publicIp)
                .name(wire.label())
                .instanceType(Optional.ofNullable(wire.hardware()).map(MachineHardware::gpuModel).orElse(null))
                .gpu(Optional.ofNullable(wire.hardware()).map(MachineHardware::gpuModel).filter(g -> !g.isBlank() && gpuCount > 0).map(this::gpuType).orElse(null))
                .region(wire.zone())
                .sshPort(publicIp == null ? null : 22)
                .clientToken(Optional.ofNullable(wire.tags()).orElse(List.of()).stream().filter(e -> e != null && CLIENT_TOKEN_KEY.equals(e.key())).map(Tag::value).findFirst().orElse(null))
                .createdAt(Optional.ofNullable(wire.started()).map(Values::epochSeconds).orElse(null))
                .pricing(hourlyPrice == null ? null : Pricing.onDemand(hourlyPrice, Math.max(gpuCount, 1)))
                .detail("host", wire.host())
                .detail("state", Optional.ofNullable(wire.state()).map(State::value).orElse(null));
            return b;
          }
        """);
    assertThat(base).contains("""
          protected Instance toInstance(Machine wire) {
            return instanceFields(wire).build();
          }
        """);
    assertThat(base).contains("protected Offer.Builder offerFields(Ask wire) {");
  }

  @Test
  void aWireAnswerMapsToTheInstanceAndOfferItSays() throws Throwable {
    Object provider = concreteProvider(emit(FIXTURE.resolve("provider.yaml")));
    ClassLoader loader = provider.getClass().getClassLoader();
    Object machine = JSON.readValue("""
        {"id": 42, "label": "train", "state": "stopped", "hardware": {"gpu_model": "H100", "gpu_count": 8},
         "zone": "us-east", "ipv4": "203.0.113.7", "started": 1700000000.5, "rate": 20.00,
         "tags": [{"key": "other", "value": "x"}, {"key": "acme-token", "value": "tok-1"}], "host": "h7",
         "unknown_member": true}""", loader.loadClass("test.acme.model.Machine"));
    Instance i = ((Instance.Builder) call(provider, "instanceFields", machine)).build();
    assertThat(i.id()).isEqualTo("42");
    assertThat(i.name()).isEqualTo("train");
    assertThat(i.rawStatus()).isEqualTo("stopped");
    assertThat(i.status()).isEqualTo(InstanceStatus.STOPPED);
    assertThat(i.preempted()).isTrue();
    assertThat(i.instanceType()).isEqualTo("H100");
    assertThat(i.gpu()).isEqualTo(call(provider, "gpuType", "H100"));
    assertThat(i.gpu().known()).isTrue();
    assertThat(i.gpuCount()).isEqualTo(8);
    assertThat(i.region()).isEqualTo("us-east");
    assertThat(i.publicIp()).isEqualTo("203.0.113.7");
    assertThat(i.sshPort()).isEqualTo(22);
    assertThat(i.clientToken()).isEqualTo("tok-1");
    assertThat(i.createdAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_500L));
    assertThat(i.pricing().onDemandPerHour()).isEqualByComparingTo("20");
    assertThat(i.pricing().onDemandPerGpuHour()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2.5"));
    assertThat(i.details()).containsExactlyInAnyOrderEntriesOf(Map.of("host", "h7", "state", "stopped"));

    // Everything but the id absent: nothing set, nothing thrown; a blank IP is no IP, so no SSH port either.
    Object bare = JSON.readValue("{\"id\": 7, \"ipv4\": \"\"}", loader.loadClass("test.acme.model.Machine"));
    Instance b = ((Instance.Builder) call(provider, "instanceFields", bare)).build();
    assertThat(b.id()).isEqualTo("7");
    assertThat(b.status()).isEqualTo(InstanceStatus.UNKNOWN);
    assertThat(b.gpu()).isNull();
    assertThat(b.gpuCount()).isZero();
    assertThat(b.publicIp()).isNull();
    assertThat(b.sshPort()).isNull();
    assertThat(b.pricing()).isNull();
    assertThat(b.details()).isEmpty();

    Object noId = JSON.readValue("{\"label\": \"x\"}", loader.loadClass("test.acme.model.Machine"));
    assertThatThrownBy(() -> call(provider, "instanceFields", noId))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("an instance without an id");

    Object ask = JSON.readValue("""
        {"ask_id": 9001, "gpu_model": "A100", "gpus": 2, "cpus": 31.5, "ram_gib": 128.25, "site": "eu",
         "tier": "brand-new-tier"}""", loader.loadClass("test.acme.model.Ask"));
    Offer o = ((Offer.Builder) call(provider, "offerFields", ask))
        .pricing(dev.providerapi.model.Pricing.onDemand(BigDecimal.ONE, 2)).build();
    assertThat(o.id()).isEqualTo("9001");
    assertThat(o.gpu()).isEqualTo(call(provider, "gpuType", "A100"));
    assertThat(o.gpuCount()).isEqualTo(2);
    assertThat(o.vcpus()).isEqualTo(31);
    assertThat(o.memoryGib()).isEqualByComparingTo("128.25");
    assertThat(o.region()).isEqualTo("eu");
    // An enum value this build does not know is kept as its wire value.
    assertThat(o.details()).containsEntry("tier", "brand-new-tier");
  }

  @Test
  void aPointerThatDoesNotFitNamesTheKeyAndWhatIsThere() throws IOException {
    assertThat(emitFails("instanceFields:\n  id: /id\n  gpu: /hardware/gpu\n")).isEqualTo(
        "instanceFields.gpu: '/hardware/gpu' does not resolve in Machine: 'gpu' is not a member of MachineHardware"
            + " (at /hardware); members: gpu_model, gpu_count");
    assertThat(emitFails("instanceFields:\n  id: /id\n  gpuCount: /label\n")).isEqualTo(
        "instanceFields.gpuCount: expected a number there, found string");
    assertThat(emitFails("instanceFields:\n  id: /id\n  createdAt: /label\n")).isEqualTo(
        "instanceFields.createdAt: expected a date-time or a number of epoch seconds there, found string");
    assertThat(emitFails("instanceFields:\n  id: /hardware\n")).isEqualTo(
        "instanceFields.id: expected text, a number or an enum there, found the object MachineHardware");
    assertThat(emitFails("instanceFields:\n  type: Nope\n  id: /id\n")).isEqualTo(
        "instanceFields.type: 'Nope' is not a type of the spec");
    assertThat(emitFails("offerFields:\n  gpu: /gpu_model\n")).isEqualTo(
        "offerFields.type: missing required key 'type': the model type of one offer in the provider's answer");
  }

  @Test
  void shapesAreCheckedWhenRead() throws IOException {
    assertThatThrownBy(() -> read("instanceFields:\n  name: /label\n"))
        .hasMessageEndingWith("instanceFields: missing required key 'id' (the pointer to the instance's id in the"
            + " wire type)");
    assertThatThrownBy(() -> read("instanceFields:\n  id: id\n"))
        .hasMessageEndingWith("instanceFields.id: expected a JSON pointer into the wire type, starting with '/'"
            + " (e.g. /ssh_port), found 'id'");
    assertThatThrownBy(() -> read("instanceFields:\n  id: /id\n  sshPort: 22\n"))
        .hasMessageEndingWith("instanceFields.sshPort: a port number means 'this port when the instance has a"
            + " public IP', so publicIp must be mapped too");
    assertThatThrownBy(() -> read("instanceFields:\n  id: /id\n  vcpus: /cpus\n"))
        .hasMessageContaining("instanceFields.vcpus: unknown key 'vcpus'; allowed keys under instanceFields: type,"
            + " id, name, status");
    assertThatThrownBy(() -> read("offerFields:\n  type: Ask\n  sshPort: 70000\n"))
        .hasMessageContaining("offerFields.sshPort: unknown key 'sshPort'");
  }

  private Path variant(String maps) throws IOException {
    Files.copy(FIXTURE.resolve("openapi.yaml"), dir.resolve("openapi.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String yaml = Files.readString(FIXTURE.resolve("provider.yaml"));
    yaml = yaml.substring(0, yaml.indexOf("instanceFields:")) + maps;
    return Files.writeString(dir.resolve("provider.yaml"), yaml);
  }

  private ProviderManifest read(String maps) throws IOException {
    return new ManifestReader().read(variant(maps));
  }

  private String emitFails(String maps) throws IOException {
    Path yaml = variant(maps);
    try {
      emit(yaml);
    } catch (SpecException e) {
      return e.getMessage().substring((yaml + " at ").length());
    }
    throw new AssertionError("expected a SpecException for " + maps);
  }

  /** The emitted base with every abstract method implemented by a throwing stub, constructed. */
  private static Object concreteProvider(List<JavaFile> files) throws Exception {
    Class<?> base = Compiled.compile(files).load("test.acme.AcmeProviderBase");
    Map<String, Method> abstracts = new LinkedHashMap<>();
    for (Class<?> c = base; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        String key = m.getName() + List.of(m.getParameterTypes());
        if (Modifier.isAbstract(m.getModifiers())) {
          abstracts.putIfAbsent(key, m);
        } else {
          abstracts.putIfAbsent(key, null);
        }
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
    Class<?> concrete = Compiled.compile(all).load("test.acme.StubProvider");
    return concrete.getConstructor(ProviderConfig.class).newInstance(ProviderConfig.builder().apiKey("k")
        .baseUrl("http://127.0.0.1:9").build());
  }

  private static Object call(Object provider, String method, Object wire) throws Throwable {
    for (Class<?> c = provider.getClass(); c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(method)) {
          m.setAccessible(true);
          try {
            return m.invoke(provider, wire);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }
      }
    }
    throw new AssertionError("no method " + method);
  }
}
