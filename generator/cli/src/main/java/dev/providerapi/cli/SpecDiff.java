package dev.providerapi.cli;

import dev.providerapi.generator.openapi.OpenApiReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * What changed between two specs: OpenAPI documents classified by openapi-diff, GraphQL schemas by
 * {@link GraphQlSchemaDiff}. Breaking means a client built from the old spec may fail against the new API
 * (removed endpoints or fields, new required inputs, removed or retyped outputs); dangerous (GraphQL only) means
 * old clients still work but may see what they do not expect (a new enum value, a changed default).
 */
record SpecDiff(Verdict verdict, List<String> lines) {
  enum Verdict { UNCHANGED, NON_BREAKING, DANGEROUS, BREAKING }

  SpecDiff {
    lines = List.copyOf(lines);
  }

  static SpecDiff compare(Path oldSpec, Path newSpec) {
    for (Path p : List.of(oldSpec, newSpec)) {
      if (!Files.isRegularFile(p)) {
        throw new UserInputException(p + ": spec file not found");
      }
    }
    boolean oldGraphQl = GraphQlSchemaDiff.isSchema(oldSpec);
    if (oldGraphQl != GraphQlSchemaDiff.isSchema(newSpec)) {
      throw new UserInputException("cannot compare " + oldSpec + " with " + newSpec + ": one is a GraphQL schema, "
          + "the other an OpenAPI spec");
    }
    return oldGraphQl ? GraphQlSchemaDiff.compare(oldSpec, newSpec) : compareOpenApi(oldSpec, newSpec);
  }

  private static SpecDiff compareOpenApi(Path oldSpec, Path newSpec) {
    // Our reader first: it names file and place when a spec is unreadable; openapi-diff would not.
    for (Path p : List.of(oldSpec, newSpec)) {
      if (!Files.isRegularFile(p)) {
        throw new UserInputException(p + ": spec file not found");
      }
      new OpenApiReader().read(p, null);
    }
    // Compared on our parse, so what generation accepts (Swagger 2.0, OpenAPI 3.2, large YAML, operation $refs into
    // other files) diffs too.
    ChangedOpenApi diff = OpenApiCompare.fromSpecifications(OpenApiReader.parse(oldSpec), OpenApiReader.parse(newSpec));
    List<String> lines = new ArrayList<>();
    for (Endpoint e : sorted(diff.getMissingEndpoints())) {
      lines.add("breaking:     removed " + e.getMethod() + " " + e.getPathUrl());
    }
    for (ChangedOperation op : diff.getChangedOperations().stream()
        .sorted(Comparator.comparing(ChangedOperation::getPathUrl).thenComparing(o -> o.getHttpMethod().name()))
        .toList()) {
      DiffResult r = op.isChanged();
      if (r.isUnchanged()) {
        continue;
      }
      lines.add((r.isIncompatible() ? "breaking:     changed " : "non-breaking: changed ") + op.getHttpMethod() + " "
          + op.getPathUrl() + (op.getNewOperation().getOperationId() == null ? ""
          : " (" + op.getNewOperation().getOperationId() + ")"));
    }
    for (Endpoint e : sorted(diff.getNewEndpoints())) {
      lines.add("non-breaking: added " + e.getMethod() + " " + e.getPathUrl());
    }
    DiffResult all = diff.isChanged();
    Verdict verdict = all.isIncompatible() ? Verdict.BREAKING
        : all.isUnchanged() ? Verdict.UNCHANGED : Verdict.NON_BREAKING;
    return new SpecDiff(verdict, lines);
  }

  String summary() {
    return switch (verdict) {
      case UNCHANGED -> "no API change";
      case NON_BREAKING -> "non-breaking changes only";
      case DANGEROUS -> "no breaking change, but DANGEROUS ones: old clients keep working but may see values "
          + "they do not expect";
      case BREAKING -> "BREAKING changes: clients built from the old spec may fail";
    };
  }

  private static List<Endpoint> sorted(List<Endpoint> endpoints) {
    return endpoints.stream().sorted(Comparator.comparing(Endpoint::getPathUrl)
        .thenComparing(e -> e.getMethod().name().toLowerCase(Locale.ROOT))).toList();
  }
}
