package dev.providerapi.generator.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles emitted files in memory (runtime, Jackson and JSpecify on the classpath) and loads the classes. */
public final class Compiled extends ClassLoader {
  private final Compilation compilation;

  private Compiled(Compilation compilation) {
    super(Compiled.class.getClassLoader());
    this.compilation = compilation;
  }

  /** Compiles or fails with every error javac reported. */
  public static Compiled compile(List<JavaFile> files) {
    List<JavaFileObject> sources = files.stream().map(JavaFile::toJavaFileObject).toList();
    Compilation c = javac().withOptions("-Xlint:none", "-proc:none").compile(sources);
    if (c.status() != Compilation.Status.SUCCESS) {
      StringBuilder errors = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
        errors.append(d).append('\n');
      }
      throw new AssertionError("emitted code does not compile:\n" + errors);
    }
    return new Compiled(c);
  }

  public Class<?> load(String binaryName) throws ClassNotFoundException {
    return loadClass(binaryName);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String suffix = "/" + name.replace('.', '/') + ".class";
    for (JavaFileObject f : compilation.generatedFiles()) {
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
}
