package dev.providerapi.generator.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.providerapi.generator.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Renders the Mustache templates. A template is looked up first in the provider's override folder
 * ({@code specs/<p>/templates/<name>}), then on the classpath ({@code templates/<name>}, copied from the
 * repository's {@code templates/} folder at build time). Output is Java, so values are written as they are:
 * no HTML escaping.
 */
public final class TemplateRenderer {
  /** The adapter skeleton's template. */
  public static final String SKELETON = "adapter-skeleton.mustache";
  /** The generated client test's template. */
  public static final String CLIENT_TEST = "client-test.mustache";

  private final @Nullable Path overrideDir;

  /**
   * A renderer that prefers templates in {@code overrideDir}.
   *
   * @param overrideDir the folder of template overrides (may not exist); null for the defaults only
   */
  public TemplateRenderer(@Nullable Path overrideDir) {
    this.overrideDir = overrideDir;
  }

  /**
   * Where {@code name} comes from: the override file if it exists, else the classpath resource.
   *
   * @param name the template's file name
   * @return the override's path, or {@code classpath:templates/<name>}
   */
  public String origin(String name) {
    Path override = override(name);
    return override != null ? override.toString() : "classpath:templates/" + name;
  }

  /**
   * Renders the template {@code name} with {@code scope}, without HTML escaping.
   *
   * @param name the template's file name
   * @param scope the template's variables
   * @return the rendered text
   * @throws SpecException when the template cannot be compiled or rendered, naming the file
   */
  public String render(String name, Object scope) {
    String text = load(name);
    DefaultMustacheFactory factory = new DefaultMustacheFactory() {
      @Override
      public void encode(String value, Writer writer) {
        try {
          writer.write(value);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    try {
      Mustache mustache = factory.compile(new StringReader(text), origin(name));
      StringWriter out = new StringWriter();
      mustache.execute(out, scope);
      return out.toString();
    } catch (MustacheException e) {
      Path override = override(name);
      throw new SpecException(override != null ? override : Path.of("templates", name), null,
          "template cannot be rendered: " + e.getMessage(), e);
    }
  }

  private @Nullable Path override(String name) {
    if (overrideDir == null) {
      return null;
    }
    Path p = overrideDir.resolve(name);
    return Files.isRegularFile(p) ? p : null;
  }

  private String load(String name) {
    Path override = override(name);
    try {
      if (override != null) {
        return Files.readString(override, StandardCharsets.UTF_8);
      }
      try (InputStream in = TemplateRenderer.class.getClassLoader().getResourceAsStream("templates/" + name)) {
        if (in == null) {
          throw new IllegalStateException("template templates/" + name + " is missing from the classpath; "
              + "the generator jar was built without the repository's templates/ folder");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          StringWriter w = new StringWriter();
          r.transferTo(w);
          return w.toString();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + origin(name), e);
    }
  }
}
