package dev.providerapi.generator.openapi;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Reads an OpenAPI 3.0 / 3.1 document (JSON or YAML, local and external $ref) into the {@link ApiModel}. */
public final class OpenApiReader {

  /**
   * @param spec the spec file
   * @param responseEnvelope when set, a success response whose schema is an object with this member is
   *     unwrapped: the operation's response type is the member's type
   * @throws SpecException naming the file, the location in it and what is wrong
   */
  public ApiModel read(Path spec, @Nullable String responseEnvelope) {
    throw new UnsupportedOperationException("contract skeleton");
  }
}
