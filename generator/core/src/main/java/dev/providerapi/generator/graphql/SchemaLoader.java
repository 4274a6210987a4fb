package dev.providerapi.generator.graphql;

import dev.providerapi.generator.SpecException;
import graphql.GraphQLError;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.NamedNode;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.SourceLocation;
import graphql.language.TypeDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SDL text -> an executable-shape {@link GraphQLSchema}, tolerant the way published schemas need: a field
 * declared twice in one type (schema dumps of real APIs have them) is kept once with a warning naming both
 * lines, and an error that graphql-java locates at a type (which starts at its doc comment) is pointed at the
 * field it is about, or at least at the line that declares the type.
 */
final class SchemaLoader {
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
  private static final Pattern GRAPHQL_JAVA_LOCATION = Pattern.compile("\\s*\\[@\\d+:\\d+]");

  private final Path file;
  private final String text;
  private final Consumer<String> warnings;

  SchemaLoader(Path file, String text, Consumer<String> warnings) {
    this.file = file;
    this.text = text;
    this.warnings = warnings;
  }

  GraphQLSchema load() {
    Document document;
    try {
      // SDL options: no token limit (a published schema is far above the 15,000 tokens allowed for a query).
      document = Parser.parse(ParserEnvironment.newParserEnvironment().document(text)
          .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
    } catch (InvalidSyntaxException e) {
      throw new SpecException(file, GraphQlReader.location(e.getLocation() == null ? null : List.of(e.getLocation())),
          "invalid GraphQL schema: " + e.getMessage(), e);
    }
    Document unique = withoutDuplicateMembers(document);
    try {
      TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(unique);
      return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    } catch (SchemaProblem e) {
      throw problem(unique, e);
    }
  }

  /** Every type keeps the first of two same-named fields (input fields, enum values); each drop is warned. */
  private Document withoutDuplicateMembers(Document document) {
    List<Definition> out = new ArrayList<>();
    boolean changed = false;
    for (Definition<?> d : document.getDefinitions()) {
      Definition<?> u = d;
      if (d instanceof ObjectTypeExtensionDefinition x) {
        List<FieldDefinition> f = unique(x.getName(), "field", x.getFieldDefinitions());
        u = f == null ? d : x.transformExtension(b -> b.fieldDefinitions(f));
      } else if (d instanceof ObjectTypeDefinition o) {
        List<FieldDefinition> f = unique(o.getName(), "field", o.getFieldDefinitions());
        u = f == null ? d : o.transform(b -> b.fieldDefinitions(f));
      } else if (d instanceof InterfaceTypeExtensionDefinition x) {
        List<FieldDefinition> f = unique(x.getName(), "field", x.getFieldDefinitions());
        u = f == null ? d : x.transformExtension(b -> b.definitions(f));
      } else if (d instanceof InterfaceTypeDefinition i) {
        List<FieldDefinition> f = unique(i.getName(), "field", i.getFieldDefinitions());
        u = f == null ? d : i.transform(b -> b.definitions(f));
      } else if (d instanceof InputObjectTypeExtensionDefinition x) {
        List<InputValueDefinition> f = unique(x.getName(), "input field", x.getInputValueDefinitions());
        u = f == null ? d : x.transformExtension(b -> b.inputValueDefinitions(f));
      } else if (d instanceof InputObjectTypeDefinition i) {
        List<InputValueDefinition> f = unique(i.getName(), "input field", i.getInputValueDefinitions());
        u = f == null ? d : i.transform(b -> b.inputValueDefinitions(f));
      } else if (d instanceof EnumTypeDefinition e && !(d instanceof graphql.language.EnumTypeExtensionDefinition)) {
        List<graphql.language.EnumValueDefinition> v = unique(e.getName(), "value", e.getEnumValueDefinitions());
        u = v == null ? d : e.transform(b -> b.enumValueDefinitions(v));
      }
      changed |= u != d;
      out.add(u);
    }
    return changed ? document.transform(b -> b.definitions(out)) : document;
  }

  /** The members without later duplicates, or null when there are none. */
  private <T extends Node<T> & NamedNode<T>> @Nullable List<T> unique(String type, String what, List<T> members) {
    Map<String, T> first = new LinkedHashMap<>();
    boolean dropped = false;
    for (T m : members) {
      T kept = first.putIfAbsent(m.getName(), m);
      if (kept != null) {
        dropped = true;
        String kinds = signature(kept).equals(signature(m)) ? "" : " (" + signature(kept) + " is kept, "
            + signature(m) + " ignored)";
        warnings.accept(file + ": type " + type + " declares " + what + " '" + m.getName() + "' twice, at "
            + line(kept) + " and " + line(m) + "; the first is used" + kinds);
      }
    }
    return dropped ? List.copyOf(first.values()) : null;
  }

  private static String signature(Node<?> member) {
    if (member instanceof FieldDefinition f) {
      return AstPrinter.printAst(f.getType());
    }
    if (member instanceof InputValueDefinition v) {
      return AstPrinter.printAst(v.getType());
    }
    return "";
  }

  private static String line(Node<?> node) {
    SourceLocation l = node.getSourceLocation();
    return l == null ? "an unknown line" : "line " + l.getLine();
  }

  /**
   * graphql-java places most schema errors at the type, whose location is its doc comment; a member the message
   * names (a field, or the missing type a field refers to) is the better place, else the line declaring the type.
   */
  private SpecException problem(Document document, SchemaProblem e) {
    GraphQLError first = e.getErrors().get(0);
    String message = GRAPHQL_JAVA_LOCATION.matcher(first.getMessage()).replaceAll("");
    String more = e.getErrors().size() > 1 ? " (and " + (e.getErrors().size() - 1) + " more)" : "";
    SourceLocation at = first.getLocations() == null || first.getLocations().isEmpty() ? null
        : first.getLocations().get(0);
    SourceLocation better = at == null ? null : pointAt(document, at, message);
    return new SpecException(file, GraphQlReader.location(better == null ? null : List.of(better)),
        "invalid GraphQL schema: " + message + more, e);
  }

  private @Nullable SourceLocation pointAt(Document document, SourceLocation at, String message) {
    for (Definition<?> d : document.getDefinitions()) {
      if (!(d instanceof TypeDefinition<?> type) || !same(d.getSourceLocation(), at)) {
        continue;
      }
      List<String> quoted = new ArrayList<>();
      Matcher m = QUOTED.matcher(message);
      while (m.find()) {
        if (!m.group(1).equals(type.getName())) {
          quoted.add(m.group(1));
        }
      }
      for (Node<?> member : type.getChildren()) {
        if (member instanceof NamedNode<?> named && (member instanceof FieldDefinition
            || member instanceof InputValueDefinition || member instanceof graphql.language.EnumValueDefinition)) {
          String typeName = signature(member).replaceAll("[\\[\\]!]", "");
          if ((quoted.contains(named.getName()) || quoted.contains(typeName)) && member.getSourceLocation() != null) {
            return member.getSourceLocation();
          }
        }
      }
      return declaration(at, type.getName());
    }
    return at;
  }

  /** The line, at or after {@code from}, where {@code type Name} (or interface, input, ...) is written. */
  private SourceLocation declaration(SourceLocation from, String name) {
    Pattern keyword = Pattern.compile("\\b(type|interface|input|enum|union|scalar)\\s+" + Pattern.quote(name)
        + "\\b");
    List<String> lines = text.lines().toList();
    for (int i = Math.max(0, from.getLine() - 1); i < lines.size(); i++) {
      Matcher m = keyword.matcher(lines.get(i));
      if (m.find()) {
        return new SourceLocation(i + 1, m.start() + 1);
      }
    }
    return from;
  }

  private static boolean same(@Nullable SourceLocation a, SourceLocation b) {
    return a != null && a.getLine() == b.getLine() && a.getColumn() == b.getColumn();
  }
}
