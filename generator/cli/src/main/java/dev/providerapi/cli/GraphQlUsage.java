package dev.providerapi.cli;

import dev.providerapi.generator.graphql.GraphQlReader;
import dev.providerapi.generator.manifest.ProviderManifest;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What our GraphQL operation documents ({@code specs/<p>/operations/*.graphql}) use of the schema, so a schema
 * change can be mapped onto the operations it touches: for each operation, the fields it selects
 * ({@code Type.field}, through fragments and inline fragments), the arguments it passes
 * ({@code Type.field(arg)}), and every type it names (selected, returned, or taken as input, input fields
 * included).
 */
final class GraphQlUsage {
  /** One operation document's use of the schema. */
  record Operation(String name, Set<String> fields, Set<String> types, Set<String> inputs) {}

  private final List<Operation> operations;
  private final Map<String, List<String>> rolesByOperation;

  private GraphQlUsage(List<Operation> operations, Map<String, List<String>> rolesByOperation) {
    this.operations = List.copyOf(operations);
    this.rolesByOperation = rolesByOperation;
  }

  /** Our documents, read against our schema (the one they are valid against). */
  static GraphQlUsage of(ProviderManifest manifest) {
    Path schemaFile = manifest.spec().file();
    GraphQLSchema schema = GraphQlReader.schema(schemaFile);
    List<Operation> ops = new ArrayList<>();
    for (Path doc : GraphQlReader.operationFiles(schemaFile)) {
      Document document;
      try {
        document = Parser.parse(Files.readString(doc));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + doc + ": " + e.getMessage(), e);
      }
      for (OperationDefinition od : document.getDefinitionsOfType(OperationDefinition.class)) {
        ops.add(operation(schema, document, od, doc));
      }
    }
    Map<String, List<String>> roles = new LinkedHashMap<>();
    manifest.operations().forEach((role, id) -> roles.computeIfAbsent(id, k -> new ArrayList<>()).add(role));
    return new GraphQlUsage(ops, roles);
  }

  private static Operation operation(GraphQLSchema schema, Document document, OperationDefinition od, Path doc) {
    Set<String> fields = new TreeSet<>();
    Set<String> types = new TreeSet<>();
    Set<String> inputs = new TreeSet<>();
    for (VariableDefinition v : od.getVariableDefinitions()) {
      GraphQLType t = schema.getType(graphql.schema.idl.TypeInfo.typeInfo(v.getType()).getName());
      if (t != null) {
        addInput(t, fields, inputs);
      }
    }
    GraphQLObjectType root = switch (od.getOperation()) {
      case MUTATION -> schema.getMutationType();
      case SUBSCRIPTION -> schema.getSubscriptionType();
      default -> schema.getQueryType();
    };
    if (root == null) {
      throw new UserInputException(doc + ": operation " + od.getName() + " is a " + od.getOperation().name()
          .toLowerCase(java.util.Locale.ROOT) + ", which the schema does not have");
    }
    Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
    document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
    walk(schema, root, od.getSelectionSet(), fragments, fields, types, inputs, new java.util.HashSet<>(), doc);
    return new Operation(od.getName() == null ? doc.getFileName().toString() : od.getName(), fields, types, inputs);
  }

  /** Records what {@code selections} select on {@code parent}, through inline fragments and fragment spreads. */
  private static void walk(GraphQLSchema schema, GraphQLNamedType parent, SelectionSet selections,
      Map<String, FragmentDefinition> fragments, Set<String> fields, Set<String> types, Set<String> inputs,
      Set<String> spreading, Path doc) {
    if (selections == null) {
      return;
    }
    types.add(parent.getName());
    for (Selection<?> s : selections.getSelections()) {
      if (s instanceof Field f) {
        if (f.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
          continue;
        }
        GraphQLFieldDefinition def = container.getFieldDefinition(f.getName());
        if (def == null) {
          throw new UserInputException(doc + ": " + parent.getName() + " has no field " + f.getName()
              + " in our schema; the document does not fit it");
        }
        String field = parent.getName() + "." + f.getName();
        fields.add(field);
        for (Argument a : f.getArguments()) {
          fields.add(field + "(" + a.getName() + ")");
          GraphQLArgument arg = def.getArgument(a.getName());
          if (arg != null) {
            addInput(arg.getType(), fields, inputs);
          }
        }
        GraphQLNamedType result = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(def.getType());
        types.add(result.getName());
        walk(schema, result, f.getSelectionSet(), fragments, fields, types, inputs, spreading, doc);
      } else if (s instanceof InlineFragment inline) {
        GraphQLNamedType on = inline.getTypeCondition() == null ? parent
            : (GraphQLNamedType) schema.getType(inline.getTypeCondition().getName());
        walk(schema, on == null ? parent : on, inline.getSelectionSet(), fragments, fields, types, inputs, spreading, doc);
      } else if (s instanceof FragmentSpread spread && spreading.add(spread.getName())) {
        FragmentDefinition def = fragments.get(spread.getName());
        if (def != null) {
          GraphQLNamedType on = (GraphQLNamedType) schema.getType(def.getTypeCondition().getName());
          walk(schema, on == null ? parent : on, def.getSelectionSet(), fragments, fields, types, inputs, spreading, doc);
        }
        spreading.remove(spread.getName());
      }
    }
  }

  /** {@code type} and, for an input object, its fields and their types, as taken by the operation. */
  private static void addInput(GraphQLType type, Set<String> fields, Set<String> inputs) {
    GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
    if (!inputs.add(named.getName())) {
      return;
    }
    if (named instanceof GraphQLInputObjectType input) {
      for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
        fields.add(input.getName() + "." + f.getName());
        addInput(f.getType(), fields, inputs);
      }
    }
  }

  /**
   * The operations a change at {@code type} (and {@code field}, {@code argument}; null when the change is to the
   * type as a whole: an enum value, a union member, the type itself) touches.
   */
  List<String> touchedBy(String type, @org.jspecify.annotations.Nullable String field,
      @org.jspecify.annotations.Nullable String argument) {
    List<String> out = new ArrayList<>();
    for (Operation op : operations) {
      // An input type the operation passes counts as a whole: a new required input field breaks it even unset.
      boolean hit = op.inputs().contains(type) || (field == null ? op.types().contains(type)
          : op.fields().contains(type + "." + field + (argument == null ? "" : "(" + argument + ")"))
              || argument != null && op.fields().contains(type + "." + field));
      if (hit) {
        out.add(op.name());
      }
    }
    return out;
  }

  /** {@code Pod (get)}, {@code PodRentInterruptable (launchSpot)}, or {@code X (not bound)}. */
  String describe(String operation) {
    List<String> roles = rolesByOperation.get(operation);
    return operation + " (" + (roles == null ? "not bound" : String.join(", ", roles)) + ")";
  }

  /** The roles {@code operation} is bound to, e.g. {@code get (Pod)}, as bound impacts name them. */
  List<String> boundNames(String operation) {
    List<String> roles = rolesByOperation.get(operation);
    return roles == null ? List.of() : roles.stream().map(r -> r + " (" + operation + ")").toList();
  }
}
