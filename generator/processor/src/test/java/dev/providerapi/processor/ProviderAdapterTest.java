package dev.providerapi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.providerapi.processor.ProcessorFixtures.ALL_HOOKS;
import static dev.providerapi.processor.ProcessorFixtures.compile;
import static dev.providerapi.processor.ProcessorFixtures.packageInfo;
import static dev.providerapi.processor.ProcessorFixtures.tinyAdapter;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.providerapi.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

class ProviderAdapterTest {
  private static final JavaFileObject TINY = packageInfo("com.example.app", "specs/tiny/provider.yaml");

  @Test
  void aCompleteAdapterIsRegisteredForServiceLoader() throws Exception {
    Compilation c = compile(TINY, tinyAdapter("TinyAdapter", "com.example.tiny.TinyProviderBase", ALL_HOOKS));

    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, AdapterRegistry.SERVICE_FILE)
        .contentsAsUtf8String().isEqualTo("com.example.app.TinyAdapter\n");

    ClassLoader loader = new CompiledClassLoader(c);
    List<String> found = ServiceLoader.load(Provider.class, loader).stream()
        .map(p -> p.type().getName()).toList();
    assertThat(found).contains("com.example.app.TinyAdapter");
  }

  @Test
  void anAdapterThatDoesNotExtendTheGeneratedBaseIsAnError() {
    JavaFileObject adapter = tinyAdapter("TinyAdapter", "dev.providerapi.spi.AbstractProvider", "");

    Compilation c = compile(TINY, adapter);

    assertThat(c).hadErrorContaining("TinyAdapter must extend com.example.tiny.TinyProviderBase, the generated base of "
        + "provider 'tiny' (generate it with @GenerateProvider or ./provider-api tiny)").inFile(adapter);
  }

  @Test
  void aMissingCapabilityMethodIsNamed() {
    JavaFileObject adapter = tinyAdapter("TinyAdapter", "com.example.tiny.TinyProviderBase",
        "@Override public Instance restart(String instanceId) { throw new IllegalStateException(); }");

    Compilation c = compile(TINY, adapter);

    assertThat(c).hadErrorContaining("TinyAdapter does not implement what provider.yaml of provider 'tiny' declares: "
        + "billingStatus(String) for capability BILLING_VERIFICATION").inFile(adapter);
  }

  @Test
  void anAdapterServiceLoaderCannotCreateIsAnError() {
    String complete = adapterSource(tinyAdapter("TinyAdapter", "com.example.tiny.TinyProviderBase", ALL_HOOKS));
    JavaFileObject abstractAdapter = com.google.testing.compile.JavaFileObjects.forSourceString(
        "com.example.app.TinyAdapter", complete.replace("public class TinyAdapter", "public abstract class TinyAdapter")
            .replace("return new TinyAdapter(config);", "return this;"));

    Compilation c = compile(TINY, abstractAdapter);

    assertThat(c).hadErrorContaining("TinyAdapter must not be abstract so that ServiceLoader (and "
        + "Providers.load(\"tiny\")) can create it").inFile(abstractAdapter);
  }

  @Test
  void anAdapterOfAnUnknownProviderIsAnError() {
    JavaFileObject adapter = com.google.testing.compile.JavaFileObjects.forSourceString("com.example.app.Ghost", """
        package com.example.app;

        @dev.providerapi.processor.ProviderAdapter("ghost")
        public class Ghost {}
        """);

    Compilation c = compile(adapter);

    assertThat(c).hadErrorContaining("no usable provider.yaml for provider 'ghost': "
        + ProcessorFixtures.root().resolve("specs/ghost/provider.yaml") + ": provider.yaml not found").inFile(adapter);
  }

  private static String adapterSource(JavaFileObject f) {
    try {
      return f.getCharContent(true).toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads the classes and resources of a compilation, over the test's own class path. */
  private static final class CompiledClassLoader extends ClassLoader {
    private final Compilation compilation;

    CompiledClassLoader(Compilation compilation) {
      super(ProviderAdapterTest.class.getClassLoader());
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = name.replace('.', '/') + ".class";
      JavaFileObject f = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
          .orElseThrow(() -> new ClassNotFoundException(name));
      byte[] bytes = read(f);
      return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
      var f = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, name);
      if (f.isEmpty()) {
        return Collections.emptyEnumeration();
      }
      byte[] bytes = read(f.get());
      URL url = new URL(null, "compiled:" + name, new java.net.URLStreamHandler() {
        @Override
        protected java.net.URLConnection openConnection(URL u) {
          return new java.net.URLConnection(u) {
            @Override
            public void connect() {}

            @Override
            public InputStream getInputStream() {
              return new java.io.ByteArrayInputStream(bytes);
            }
          };
        }
      });
      return Collections.enumeration(List.of(url));
    }

    private static byte[] read(JavaFileObject f) {
      try (InputStream in = f.openInputStream()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
