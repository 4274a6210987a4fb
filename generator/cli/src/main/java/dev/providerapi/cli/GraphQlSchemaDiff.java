package dev.providerapi.cli;

import dev.providerapi.generator.graphql.GraphQlReader;
import graphql.language.TypeKind;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffCategory;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.DiffLevel;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two GraphQL schemas (SDL), classified by graphql-java's {@link SchemaDiff}: breaking (a
 * document valid against the old schema may fail: removed or retyped fields, new required arguments), dangerous
 * (valid, but results may surprise an old client: new enum values, changed defaults) or harmless additions.
 *
 * <p>graphql-java walks the schema from its root types, so it does not see types no field reaches, nor added
 * optional arguments; those are added here from the type lists, and any other difference is reported as one
 * line rather than as "no API change".
 */
final class GraphQlSchemaDiff {
  private static final Pattern ARGUMENT = Pattern.compile("argument (?:named )?'([^']+)'");

  private GraphQlSchemaDiff() {}

  static SpecDiff compare(Path oldSchema, Path newSchema) {
    return compare(oldSchema, newSchema, null);
  }

  /** A change and where it is: {@code field} and {@code argument} null for a change to the type as a whole. */
  private record Entry(String text, String type, @Nullable String field, @Nullable String argument) {}

  /**
   * @param usage what our operation documents use: each line then says which of them the change touches, and the
   *     verdict counts only changes that touch one (null: every change counts)
   */
  static SpecDiff compare(Path oldSchema, Path newSchema, @Nullable GraphQlUsage usage) {
    // Our reader first: it names file, line and column when a schema is invalid; SchemaDiff would only throw.
    GraphQLSchema before = GraphQlReader.schema(oldSchema);
    GraphQLSchema after = GraphQlReader.schema(newSchema);
    CapturingReporter reporter = new CapturingReporter();
    new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(read(oldSchema), read(newSchema)), reporter);

    // graphql-java reports a type reached by two paths twice: one line each.
    Map<String, Entry> breaking = new LinkedHashMap<>();
    Map<String, Entry> dangerous = new LinkedHashMap<>();
    Map<String, Entry> harmless = new LinkedHashMap<>();
    for (DiffEvent e : reporter.getEvents()) {
      if (e.getCategory() == null) {
        continue; // "Examining field ..." progress notes
      }
      String text = describe(e);
      Matcher arg = ARGUMENT.matcher(e.getReasonMsg() == null ? "" : e.getReasonMsg());
      String argument = e.getFieldName() != null && arg.find() ? arg.group(1) : null;
      (e.getLevel() == DiffLevel.BREAKING ? breaking : e.getLevel() == DiffLevel.DANGEROUS ? dangerous : harmless)
          .putIfAbsent(text, new Entry(text, e.getTypeName(), e.getFieldName(), argument));
    }
    Set<String> oldTypes = typeNames(before);
    Set<String> newTypes = typeNames(after);
    for (String t : oldTypes) {
      // A document may name any type in a fragment (... on T): removing one can invalidate it.
      if (!newTypes.contains(t)) {
        breaking.putIfAbsent("removed type " + t, new Entry("removed type " + t, t, null, null));
      }
    }
    for (String t : newTypes) {
      if (!oldTypes.contains(t)) {
        harmless.putIfAbsent("added type " + t, new Entry("added type " + t, t, null, null));
      }
    }
    List<String> lines = new ArrayList<>();
    Set<String> bound = new TreeSet<>();
    int[] counted = new int[3];
    List<Map<String, Entry>> levels = List.of(breaking, dangerous, harmless);
    List<String> labels = List.of("breaking:     ", "dangerous:    ", "non-breaking: ");
    for (int level = 0; level < 3; level++) {
      for (Entry entry : levels.get(level).values()) {
        String line = entry.text();
        if (usage == null) {
          counted[level]++;
        } else {
          List<String> ops = usage.touchedBy(entry.type(), entry.field(), entry.argument());
          if (ops.isEmpty()) {
            line += "; used by none of our operations";
          } else {
            counted[level]++;
            line += "; used by " + ops.stream().map(usage::describe).collect(Collectors.joining(", "));
            ops.forEach(op -> bound.addAll(usage.boundNames(op)));
          }
        }
        lines.add(labels.get(level) + line);
      }
    }
    SchemaPrinter printer = new SchemaPrinter();
    if (lines.isEmpty() && !printer.print(before).equals(printer.print(after))) {
      lines.add("non-breaking: other changes (descriptions, directives, optional arguments or default values "
          + "that no document depends on)");
    }
    SpecDiff.Verdict verdict = counted[0] > 0 ? SpecDiff.Verdict.BREAKING
        : counted[1] > 0 ? SpecDiff.Verdict.DANGEROUS
        : lines.isEmpty() ? SpecDiff.Verdict.UNCHANGED : SpecDiff.Verdict.NON_BREAKING;
    return new SpecDiff(verdict, lines, List.of(), List.of(), usage == null ? null : List.copyOf(bound));
  }

  /** One short line, e.g. {@code removed field Pod.costPerHr}; graphql-java's own wording when no rule fits. */
  static String describe(DiffEvent e) {
    String type = e.getTypeName();
    String field = e.getFieldName();
    List<String> parts = e.getComponents();
    TypeKind kind = e.getTypeKind();
    String reason = e.getReasonMsg() == null ? "" : e.getReasonMsg();
    Matcher arg = ARGUMENT.matcher(reason);
    String argument = arg.find() ? arg.group(1) : null;
    String where = field == null ? type : type + "." + field;
    String fieldWord = kind == TypeKind.InputObject ? "input field " : "field ";
    DiffCategory c = e.getCategory();
    if (kind == TypeKind.Enum && field == null && parts.size() == 1) {
      if (c == DiffCategory.MISSING) {
        return "removed enum value " + type + "." + parts.get(0);
      }
      if (c == DiffCategory.ADDITION) {
        return "added enum value " + type + "." + parts.get(0);
      }
    }
    if (kind == TypeKind.Union && field == null && parts.size() == 1 && c == DiffCategory.MISSING) {
      return "removed member " + parts.get(0) + " of union " + type;
    }
    if (field != null && argument != null) {
      String target = "argument " + where + "(" + argument + ")";
      if (c == DiffCategory.STRICTER && reason.contains("new argument")) {
        return "new required argument " + where + "(" + argument + ")";
      }
      if ((c == DiffCategory.INVALID || c == DiffCategory.STRICTER) && parts.size() == 2) {
        return "changed type of " + target + ": " + parts.get(0) + " -> " + parts.get(1);
      }
      if (c == DiffCategory.MISSING) {
        return "removed " + target;
      }
    } else if (field != null) {
      if (c == DiffCategory.MISSING && parts.isEmpty()) {
        return "removed " + fieldWord + where;
      }
      if (c == DiffCategory.ADDITION && parts.isEmpty()) {
        return "added " + fieldWord + where;
      }
      if (c == DiffCategory.STRICTER && kind == TypeKind.InputObject && reason.contains("new input field")) {
        return "new required input field " + where;
      }
      if ((c == DiffCategory.INVALID || c == DiffCategory.STRICTER) && parts.size() == 2) {
        return "changed type of " + fieldWord + where + ": " + parts.get(0) + " -> " + parts.get(1);
      }
    } else if (c == DiffCategory.MISSING && parts.isEmpty()) {
      return "removed type " + type;
    }
    return reason.replaceFirst("^The new API (has )?", "");
  }

  private static Set<String> typeNames(GraphQLSchema schema) {
    Set<String> names = new TreeSet<>();
    for (GraphQLNamedType t : schema.getAllTypesAsList()) {
      // Built-in scalars are listed only while a field uses them: not a change of the schema's own types.
      if (!t.getName().startsWith("__") && !ScalarInfo.isGraphqlSpecifiedScalar(t.getName())) {
        names.add(t.getName());
      }
    }
    return names;
  }

  /** True when {@code file} is GraphQL SDL: by its extension, else by its first definition keyword. */
  static boolean isSchema(Path file) {
    return GraphQlReader.isSdl(file);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
