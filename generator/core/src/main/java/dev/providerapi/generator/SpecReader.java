package dev.providerapi.generator;

import dev.providerapi.generator.crd.CrdSpecReader;
import dev.providerapi.generator.graphql.GraphQlSpecReader;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.openapi.OpenApiSpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One spec kind (OpenAPI, GraphQL, a Kubernetes CRD): how to recognize its files, read one into the
 * {@link ApiModel}, and what else the {@link Generator} needs to know of it. The generator picks the reader once
 * ({@code spec.kind} in provider.yaml, else the first of {@link #standard} that {@linkplain #accepts accepts} the
 * file) and asks it; nothing else in the generator tells the kinds apart.
 */
public interface SpecReader {

  /**
   * {@code spec.kind} in provider.yaml: {@code openapi}, {@code graphql}, {@code crd}.
   *
   * @return the kind this reader reads
   */
  String kind();

  /**
   * Whether {@code file}, given without a provider.yaml, is of this kind, judged from its name and text without
   * parsing it. The readers are asked in the order of {@link #standard}; the last (OpenAPI) accepts every file.
   *
   * @param file the spec file
   * @return true when this reader takes it
   */
  boolean accepts(Path file);

  /**
   * The model carries everything the generator needs of the spec (its {@link ApiModel#auth() auth} too): the spec
   * is parsed once.
   *
   * @param spec the spec file
   * @param responseEnvelope from provider.yaml, or null (readers of kinds without envelopes ignore it)
   * @return the spec's model
   * @throws SpecException naming the file, the location in it and what is wrong
   */
  ApiModel read(Path spec, @Nullable String responseEnvelope);

  /**
   * Every file reading {@code spec} reads ({@code $ref}'d files, GraphQL operation documents), the spec itself
   * included: generation inputs, hashed into {@code generated.manifest}, so that a change in any regenerates.
   *
   * @param spec the spec file
   * @return the files, absolute
   */
  Set<Path> inputs(Path spec);

  /**
   * The base URL of a spec of this kind that names no server (a CRD or a GraphQL schema names no endpoint: the
   * kubeconfig or {@code ProviderConfig.baseUrl} supplies it at run time), or null when the spec's own
   * {@code servers} decide (a placeholder with a warning when there are none).
   *
   * @param providerName the provider's name
   * @return the base URL, or null
   */
  default @Nullable String unnamedBaseUrl(String providerName) {
    return null;
  }

  /**
   * The words a provider name is derived from when none is given: the model's title.
   *
   * @param model the spec's model
   * @return the words, by default {@link ApiModel#title()}
   */
  default String nameSource(ApiModel model) {
    return model.title();
  }

  /**
   * The readers of this build, in the order they are asked to {@linkplain #accepts accept} a file.
   *
   * @return GraphQL, CRD and OpenAPI readers, in that order
   */
  static List<SpecReader> standard() {
    return List.of(new GraphQlSpecReader(), new CrdSpecReader(), new OpenApiSpecReader());
  }
}
