package dev.providerapi.cli;

import dev.providerapi.generator.diff.Change;
import dev.providerapi.generator.diff.ModelDiff;
import dev.providerapi.generator.diff.UpstreamSpecs;
import dev.providerapi.generator.diff.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two specs: OpenAPI documents and CRDs field by field ({@link ModelDiff}), GraphQL schemas
 * by {@link GraphQlSchemaDiff}. Breaking means a client built from the old spec may fail against the new API
 * (removed operations, fields or enum values, new required inputs, retyped or loosened outputs); dangerous means
 * old clients still work but may see what they do not expect (a new enum value, a changed default).
 *
 * <p>Given our spec's {@link Usage}, each change also says whether our spec covers it and which of our (bound)
 * operations it touches, and the verdict counts only the changes our spec covers: an upstream change to an
 * endpoint we never call breaks nothing of ours.
 *
 * @param changes the field-level changes (empty for GraphQL, whose {@code lines} are its own)
 * @param impacts the changes as they meet our spec (empty when no usage was given)
 * @param graphQlBound for a GraphQL diff mapped onto our operation documents, the bound operations it touches
 *     ({@code get (Pod)}); null otherwise
 */
record SpecDiff(Verdict verdict, List<String> lines, List<Change> changes, List<Usage.Impact> impacts,
    @Nullable List<String> graphQlBound) {
  enum Verdict { UNCHANGED, NON_BREAKING, DANGEROUS, BREAKING }

  SpecDiff {
    lines = List.copyOf(lines);
    changes = List.copyOf(changes);
    impacts = List.copyOf(impacts);
    graphQlBound = graphQlBound == null ? null : List.copyOf(graphQlBound);
  }

  SpecDiff(Verdict verdict, List<String> lines) {
    this(verdict, lines, List.of(), List.of(), null);
  }

  SpecDiff(Verdict verdict, List<String> lines, List<Change> changes, List<Usage.Impact> impacts) {
    this(verdict, lines, changes, impacts, null);
  }

  /** Whether the changes were mapped onto our spec (its bindings or its GraphQL operation documents). */
  boolean scoped() {
    return !impacts.isEmpty() || graphQlBound != null;
  }

  static SpecDiff compare(Path oldSpec, Path newSpec) {
    return compare(oldSpec, newSpec, null, null);
  }

  /**
   * @param usage what our spec uses (null: plain comparison)
   * @param envelope the response envelope both upstream files are read with (provider.yaml's), or null
   */
  static SpecDiff compare(Path oldSpec, Path newSpec, @Nullable Usage usage, @Nullable String envelope) {
    return compare(oldSpec, newSpec, usage, null, envelope);
  }

  /** @param graphQl for GraphQL schemas, what our operation documents use (null: plain comparison) */
  static SpecDiff compare(Path oldSpec, Path newSpec, @Nullable Usage usage, @Nullable GraphQlUsage graphQl,
      @Nullable String envelope) {
    for (Path p : List.of(oldSpec, newSpec)) {
      if (Files.isDirectory(p)) {
        throw new UserInputException(p + ": is a directory; expected a spec file");
      }
      if (!Files.isRegularFile(p)) {
        throw new UserInputException(p + ": spec file not found");
      }
    }
    boolean oldGraphQl = GraphQlSchemaDiff.isSchema(oldSpec);
    if (oldGraphQl != GraphQlSchemaDiff.isSchema(newSpec)) {
      throw new UserInputException("cannot compare " + oldSpec + " with " + newSpec + ": one is a GraphQL schema, "
          + "the other " + (oldGraphQl ? describe(newSpec) : describe(oldSpec)));
    }
    if (oldGraphQl) {
      return GraphQlSchemaDiff.compare(oldSpec, newSpec, graphQl);
    }
    UpstreamSpecs.Kind oldKind = UpstreamSpecs.kind(oldSpec);
    UpstreamSpecs.Kind newKind = UpstreamSpecs.kind(newSpec);
    if (oldKind != newKind) {
      throw new UserInputException("cannot compare " + oldSpec + " (" + describe(oldSpec) + ") with " + newSpec
          + " (" + describe(newSpec) + ")");
    }
    List<Change> changes = ModelDiff.compare(UpstreamSpecs.read(oldSpec, oldKind, envelope),
        UpstreamSpecs.read(newSpec, newKind, envelope), UpstreamSpecs.responseStatuses(oldSpec, oldKind),
        UpstreamSpecs.responseStatuses(newSpec, newKind));
    return of(changes, usage);
  }

  static SpecDiff of(List<Change> changes, @Nullable Usage usage) {
    List<String> lines = new ArrayList<>();
    List<Usage.Impact> impacts = usage == null ? List.of() : usage.impacts(changes);
    List<Change> counted = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      String text = usage == null ? c.describe() : impacts.get(i).describe();
      lines.add(String.format("%-14s%s", c.level().label() + ":", text));
      if (usage == null || impacts.get(i).covered()) {
        counted.add(c);
      }
    }
    Change.Level worst = ModelDiff.worst(counted);
    Verdict verdict = worst == null ? (changes.isEmpty() ? Verdict.UNCHANGED : Verdict.NON_BREAKING)
        : switch (worst) {
          case BREAKING -> Verdict.BREAKING;
          case DANGEROUS -> Verdict.DANGEROUS;
          case NON_BREAKING -> Verdict.NON_BREAKING;
        };
    return new SpecDiff(verdict, lines, changes, impacts);
  }

  /** The covered impacts that touch an operation provider.yaml binds. */
  List<Usage.Impact> boundImpacts() {
    return impacts.stream().filter(i -> i.covered() && !i.boundOperations().isEmpty()).toList();
  }

  String summary() {
    String counts = "";
    if (!changes.isEmpty()) {
      long breaking = changes.stream().filter(c -> c.level() == Change.Level.BREAKING).count();
      long covered = impacts.stream().filter(Usage.Impact::covered).count();
      counts = changes.size() + (changes.size() == 1 ? " change" : " changes") + " (" + breaking + " breaking"
          + (impacts.isEmpty() ? "" : "; " + covered + " in our spec") + "): ";
    }
    boolean scoped = scoped();
    return counts + switch (verdict) {
      case UNCHANGED -> "no API change";
      case NON_BREAKING -> scoped ? "nothing our spec uses breaks" : "non-breaking changes only";
      case DANGEROUS -> "no breaking change" + (scoped ? " to what our spec uses" : "")
          + ", but DANGEROUS ones: old clients keep working but may see values they do not expect";
      case BREAKING -> "BREAKING changes" + (scoped ? " to what our spec uses" : "")
          + ": clients built from the old spec may fail";
    };
  }

  private static String describe(Path p) {
    if (GraphQlSchemaDiff.isSchema(p)) {
      return "a GraphQL schema";
    }
    return UpstreamSpecs.kind(p) == UpstreamSpecs.Kind.CRD ? "a CRD" : "an OpenAPI spec";
  }
}
