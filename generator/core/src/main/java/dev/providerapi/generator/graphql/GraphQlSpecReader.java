package dev.providerapi.generator.graphql;

import dev.providerapi.generator.SpecReader;
import dev.providerapi.generator.model.ApiModel;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A GraphQL schema (SDL) and its operation documents through {@link GraphQlReader}. */
public final class GraphQlSpecReader implements SpecReader {
  private final GraphQlReader reader = new GraphQlReader();

  /** The GraphQL kind's reader; it holds no state between reads. */
  public GraphQlSpecReader() {}

  @Override
  public String kind() {
    return "graphql";
  }

  /** {@link GraphQlReader#isSdl}: by extension, or by content for a file not named {@code .json}/{@code .yaml}. */
  @Override
  public boolean accepts(Path file) {
    return GraphQlReader.isSdl(file);
  }

  @Override
  public ApiModel read(Path spec, @Nullable String responseEnvelope) {
    return reader.read(spec, responseEnvelope);
  }

  /** The schema, then every operation document next to it. */
  @Override
  public Set<Path> inputs(Path spec) {
    Set<Path> files = new LinkedHashSet<>();
    files.add(spec);
    files.addAll(GraphQlReader.operationFiles(spec));
    return files;
  }

  @Override
  public String unnamedBaseUrl(String providerName) {
    return "https://" + providerName + ".invalid/graphql";
  }
}
