package dev.providerapi.generator.openapi;

import dev.providerapi.generator.SpecReader;
import dev.providerapi.generator.inputs.ReferencedFiles;
import dev.providerapi.generator.model.ApiModel;
import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** OpenAPI 3.x and Swagger 2.0 through {@link OpenApiReader}: the kind of every file no other reader accepts. */
public final class OpenApiSpecReader implements SpecReader {
  private final OpenApiReader reader = new OpenApiReader();

  /** The OpenAPI kind's reader; it holds no state between reads. */
  public OpenApiSpecReader() {}

  @Override
  public String kind() {
    return "openapi";
  }

  @Override
  public boolean accepts(Path file) {
    return true;
  }

  @Override
  public ApiModel read(Path spec, @Nullable String responseEnvelope) {
    return reader.read(spec, responseEnvelope);
  }

  @Override
  public Set<Path> inputs(Path spec) {
    return ReferencedFiles.ofSpec(spec);
  }
}
