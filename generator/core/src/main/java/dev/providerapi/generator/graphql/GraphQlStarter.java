package dev.providerapi.generator.graphql;

import dev.providerapi.generator.model.JavaNames;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Starter operation documents for {@code provider-api new --graphql}, and what {@code generate --spec} reads
 * when a schema comes without operation documents: one query per root Query field that can be
 * called without arguments, selecting the leaf fields (and one level of nested objects) that need none either.
 * Real documents select what the adapter needs; these give the generator something valid to start from.
 */
public final class GraphQlStarter {
  /**
   * An operation document: its name (the operation id and file name) and text.
   *
   * @param name the operation's name: its id and file name
   * @param field the root Query field it calls
   * @param text the document's GraphQL text
   * @param returnsList whether the field returns a list
   */
  public record Document(String name, String field, String text, boolean returnsList) {}

  private static final Pattern OFFERS = Pattern.compile(".*(offer|instance.?type|gpu.?type|availab|bundle|plan|market|sku).*");
  private static final Pattern INSTANCES = Pattern.compile(".*(instance|machine|server|pod|vm|node|deployment).*");
  private static final int MAX_DEPTH = 2;

  private GraphQlStarter() {}

  /**
   * One starter query per root Query field callable without arguments.
   *
   * @param schema the schema
   * @return the documents, in the order of the Query type's fields
   */
  public static List<Document> documents(GraphQLSchema schema) {
    List<Document> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (GraphQLFieldDefinition f : schema.getQueryType().getFieldDefinitions()) {
      if (f.getName().startsWith("__") || hasRequiredArguments(f)) {
        continue;
      }
      String name = JavaNames.upperCamel(f.getName());
      if (name.isEmpty() || !names.add(name)) {
        continue;
      }
      StringBuilder text = new StringBuilder()
          .append("# Starter written by provider-api new: select what the adapter needs, then delete this line.\n")
          .append("query ").append(name).append(" {\n  ").append(f.getName());
      selection(f.getType(), 1, text);
      text.append("\n}\n");
      out.add(new Document(name, f.getName(), text.toString(),
          GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(f.getType()))));
    }
    return out;
  }

  /**
   * Our operation -> starter document, for the two read operations a name can reveal: offers and list.
   *
   * @param documents the starter documents
   * @return {@code offers} and {@code list} mapped to the first document whose field's name suggests them;
   *     a name with no such document is left out
   */
  public static Map<String, Document> guess(List<Document> documents) {
    Map<String, Document> bound = new LinkedHashMap<>();
    for (Document d : documents) {
      String field = d.field().toLowerCase(Locale.ROOT);
      if (!bound.containsKey("offers") && OFFERS.matcher(field).matches()) {
        bound.put("offers", d);
      } else if (!bound.containsKey("list") && d.returnsList() && INSTANCES.matcher(field).matches()) {
        bound.put("list", d);
      }
    }
    Map<String, Document> ordered = new LinkedHashMap<>();
    for (String ours : List.of("offers", "list")) {
      if (bound.containsKey(ours)) {
        ordered.put(ours, bound.get(ours));
      }
    }
    return ordered;
  }

  private static boolean hasRequiredArguments(GraphQLFieldDefinition f) {
    for (GraphQLArgument a : f.getArguments()) {
      if (a.getType() instanceof GraphQLNonNull && !a.hasSetDefaultValue()) {
        return true;
      }
    }
    return false;
  }

  /** Appends {@code { ... }} for a composite type; nothing for a scalar or enum. */
  private static void selection(GraphQLOutputType type, int depth, StringBuilder text) {
    GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
    if (!(named instanceof GraphQLFieldsContainer container)) {
      if (!GraphQLTypeUtil.isLeaf(named)) {
        // A union: its members have no common fields to select.
        text.append(" {\n").append("  ".repeat(depth + 1)).append("__typename\n").append("  ".repeat(depth)).append("}");
      }
      return;
    }
    String indent = "  ".repeat(depth + 1);
    List<String> lines = new ArrayList<>();
    for (GraphQLFieldDefinition f : container.getFieldDefinitions()) {
      if (hasRequiredArguments(f)) {
        continue;
      }
      GraphQLType inner = GraphQLTypeUtil.unwrapAll(f.getType());
      if (GraphQLTypeUtil.isLeaf(inner)) {
        lines.add(indent + f.getName());
      } else if (depth < MAX_DEPTH && inner instanceof GraphQLObjectType obj && hasLeaf(obj)) {
        StringBuilder nested = new StringBuilder(indent + f.getName());
        selection(f.getType(), depth + 1, nested);
        lines.add(nested.toString());
      }
    }
    if (lines.isEmpty()) {
      lines.add(indent + "__typename");
    }
    text.append(" {\n").append(String.join("\n", lines)).append("\n").append("  ".repeat(depth)).append("}");
  }

  private static boolean hasLeaf(GraphQLObjectType obj) {
    return obj.getFieldDefinitions().stream()
        .anyMatch(f -> !hasRequiredArguments(f) && GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(f.getType())));
  }
}
