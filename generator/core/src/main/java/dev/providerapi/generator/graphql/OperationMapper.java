package dev.providerapi.generator.graphql;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.BodyDef;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.JavaNames;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One validated operation document -> one {@link OperationDef}: its variables become a
 * {@code <Operation>Variables} record (sent as GraphQL variables, never spliced into the text), its single root
 * field's selection a {@code <Operation>Result} record holding exactly the selected fields, nested selections
 * records named after their path ({@code <Operation><Field>...}). Enums and input objects the operations reach are
 * shared model types named as in the schema.
 */
final class OperationMapper {
  /** The owner of names taken by schema enums and input types (shared by every operation). */
  private static final String SCHEMA = "schema";

  private final GraphQLSchema schema;
  /** Type name -> where it came from (an operation file or the schema), to report collisions. */
  private final Map<String, String> claimed = new HashMap<>();
  private final Map<String, TypeDef> types = new TreeMap<>();
  private final Set<String> methodNames = new HashSet<>();

  OperationMapper(GraphQLSchema schema) {
    this.schema = schema;
  }

  List<TypeDef> types() {
    return List.copyOf(types.values());
  }

  OperationDef map(Path file, String text, Document document) {
    List<OperationDefinition> ops = new ArrayList<>();
    Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
    for (Definition<?> d : document.getDefinitions()) {
      if (d instanceof OperationDefinition o) {
        ops.add(o);
      } else if (d instanceof FragmentDefinition f) {
        fragments.put(f.getName(), f);
      }
    }
    if (ops.size() != 1) {
      throw new SpecException(file, null, "a document must hold exactly one operation, found " + ops.size()
          + "; put each operation in its own file");
    }
    OperationDefinition op = ops.get(0);
    String where = GraphQlReader.location(List.of(op.getSourceLocation()));
    if (op.getName() == null || op.getName().isBlank()) {
      throw new SpecException(file, where, "the operation has no name; name it (query GpuTypes { ... }): the name"
          + " is its operation id and the base of its Java type names");
    }
    String name = op.getName();
    if (!JavaNames.upperCamel(name).equals(name)) {
      throw new SpecException(file, where, "operation name '" + name + "' must be UpperCamelCase (e.g. '"
          + JavaNames.upperCamel(name) + "'): it names the generated types");
    }
    OperationDef.OperationKind kind = switch (op.getOperation()) {
      case QUERY -> OperationDef.OperationKind.QUERY;
      case MUTATION -> OperationDef.OperationKind.MUTATION;
      default -> throw new SpecException(file, where, "only queries and mutations are supported, found "
          + op.getOperation().name().toLowerCase(java.util.Locale.ROOT));
    };
    String javaName = JavaNames.lowerCamel(name);
    if (!methodNames.add(javaName)) {
      throw new SpecException(file, where, "operation name '" + name + "' is used by another document");
    }
    Context ctx = new Context(file, fragments);

    List<Field> roots = fields(ctx, op.getSelectionSet());
    if (roots.size() != 1) {
      throw new SpecException(file, where, "an operation must select exactly one root field (its result), found "
          + roots.size() + "; split it into one document per root field");
    }
    Field root = roots.get(0);
    GraphQLObjectType rootType = kind == OperationDef.OperationKind.QUERY ? schema.getQueryType()
        : schema.getMutationType();
    GraphQLFieldDefinition rootDef = rootType.getFieldDefinition(root.getName());
    TypeRef response = root.getName().equals("__typename") ? TypeRef.string()
        : output(ctx, rootDef.getType(), root, name + "Result", name).type();

    BodyDef body = null;
    if (!op.getVariableDefinitions().isEmpty()) {
      String variablesName = name + "Variables";
      List<FieldDef> fields = new ArrayList<>();
      Set<String> javaNames = new HashSet<>();
      for (VariableDefinition v : op.getVariableDefinitions()) {
        boolean nonNull = v.getType() instanceof NonNullType;
        fields.add(new FieldDef(v.getName(), unique(javaNames, JavaNames.lowerCamel(v.getName())),
            variableType(ctx, v.getType()), nonNull, !nonNull, null, false, false));
      }
      claim(ctx, variablesName, new RecordDef(variablesName, "The variables of the " + name + " operation.",
          file.getFileName().toString(), fields, null, false));
      body = new BodyDef("application/json", new TypeRef.Named(variablesName), true);
    }
    String summary = (kind == OperationDef.OperationKind.QUERY ? "Query " : "Mutation ") + "{@code "
        + root.getName() + "}";
    return new OperationDef(name, javaName, summary, rootDef.getDescription(),
        new OperationDef.GraphQl(wireText(text), name, kind), List.of(), body, response,
        "/data/" + root.getResultKey(), 200, idempotent(file, text, kind),
        rootDef.isDeprecated(), List.of());
  }

  /**
   * Queries are idempotent and mutations are not, unless a leading comment line of the document says
   * {@code # x-idempotent: true|false} (as {@code x-idempotent} does for an OpenAPI operation): a delete-style
   * mutation such as RunPod's podTerminate is safe to repeat, so a 502 on it is retried.
   */
  static boolean idempotent(Path file, String text, OperationDef.OperationKind kind) {
    for (String line : text.strip().lines().toList()) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (!l.startsWith("#")) {
        break;
      }
      String c = l.substring(1).strip();
      if (c.startsWith("x-idempotent:")) {
        String v = c.substring("x-idempotent:".length()).strip();
        if (v.equals("true") || v.equals("false")) {
          return Boolean.parseBoolean(v);
        }
        throw new SpecException(file, null, "the x-idempotent comment must say true or false, found '" + v + "'");
      }
    }
    return kind == OperationDef.OperationKind.QUERY;
  }

  /** The document as sent: as written, without the leading comment lines that document it for us. */
  static String wireText(String text) {
    List<String> lines = new ArrayList<>(text.strip().lines().toList());
    while (!lines.isEmpty() && (lines.get(0).isBlank() || lines.get(0).stripLeading().startsWith("#"))) {
      lines.remove(0);
    }
    return String.join("\n", lines).strip();
  }

  private record Context(Path file, Map<String, FragmentDefinition> fragments) {}

  private record Mapped(TypeRef type, boolean nonNull) {}

  /** The type of a selected field: scalars and enums as they are, objects as a record of the selection. */
  private Mapped output(Context ctx, GraphQLType type, Field field, String recordName, String pathBase) {
    if (type instanceof GraphQLNonNull nn) {
      return new Mapped(output(ctx, nn.getWrappedType(), field, recordName, pathBase).type(), true);
    }
    if (type instanceof GraphQLList l) {
      return new Mapped(new TypeRef.ListOf(output(ctx, l.getWrappedType(), field, recordName, pathBase)
          .type()), false);
    }
    if (type instanceof GraphQLFieldsContainer container) {
      if (!(container instanceof GraphQLObjectType)) {
        throw new SpecException(ctx.file(), where(field), "field '" + field.getName() + "' has the abstract type "
            + container.getName() + " (interface); selections on interfaces and unions are not supported");
      }
      List<FieldDef> fields = new ArrayList<>();
      Set<String> javaNames = new HashSet<>();
      for (Field f : fields(ctx, field.getSelectionSet())) {
        String key = f.getResultKey();
        String javaName = unique(javaNames, JavaNames.lowerCamel(key));
        if (f.getName().equals("__typename")) {
          fields.add(new FieldDef(key, javaName, TypeRef.string(), true, false, null, false, false));
          continue;
        }
        GraphQLFieldDefinition def = container.getFieldDefinition(f.getName());
        String childBase = pathBase + JavaNames.upperCamel(key);
        Mapped m = output(ctx, def.getType(), f, childBase, childBase);
        fields.add(new FieldDef(key, javaName, m.type(), true, !m.nonNull(), def.getDescription(),
            def.isDeprecated(), false));
      }
      claim(ctx, recordName, new RecordDef(recordName, "The fields of {@code " + container.getName()
          + "} that the operation selects.", ctx.file().getFileName() + " " + field.getResultKey(), fields, null,
          false));
      return new Mapped(new TypeRef.Named(recordName), false);
    }
    if (type instanceof GraphQLNamedType named) {
      return new Mapped(leaf(ctx, named), false);
    }
    throw new SpecException(ctx.file(), where(field), "unsupported type " + type);
  }

  /** A variable's declared type, checked by the validator already. */
  private TypeRef variableType(Context ctx, Type<?> type) {
    if (type instanceof NonNullType nn) {
      return variableType(ctx, nn.getType());
    }
    if (type instanceof ListType l) {
      return new TypeRef.ListOf(variableType(ctx, l.getType()));
    }
    return input(ctx, schema.getType(((TypeName) type).getName()));
  }

  private TypeRef input(Context ctx, GraphQLType type) {
    if (type instanceof GraphQLNonNull nn) {
      return input(ctx, nn.getWrappedType());
    }
    if (type instanceof GraphQLList l) {
      return new TypeRef.ListOf(input(ctx, l.getWrappedType()));
    }
    if (type instanceof GraphQLInputObjectType in) {
      String name = JavaNames.upperCamel(in.getName());
      if (!SCHEMA.equals(claimed.get(name))) {
        // Claimed before its fields are mapped, so a recursive input refers to itself by name.
        claim(ctx, name, SCHEMA, new RecordDef(name, in.getDescription(), "input " + in.getName(), List.of(),
            null, false));
        List<FieldDef> fields = new ArrayList<>();
        Set<String> javaNames = new HashSet<>();
        for (GraphQLInputObjectField f : in.getFieldDefinitions()) {
          boolean nonNull = f.getType() instanceof GraphQLNonNull;
          fields.add(new FieldDef(f.getName(), unique(javaNames, JavaNames.lowerCamel(f.getName())),
              input(ctx, f.getType()), nonNull, !nonNull, f.getDescription(), f.isDeprecated(), false));
        }
        types.put(name, new RecordDef(name, in.getDescription(), "input " + in.getName(), fields, null, false));
      }
      return new TypeRef.Named(name);
    }
    return leaf(ctx, (GraphQLNamedType) type);
  }

  /** Built-in scalars by meaning; an enum as a model enum; any other custom scalar as free-form JSON. */
  private TypeRef leaf(Context ctx, GraphQLNamedType type) {
    if (type instanceof GraphQLEnumType e) {
      String name = JavaNames.upperCamel(e.getName());
      if (!SCHEMA.equals(claimed.get(name))) {
        List<EnumDef.EnumValue> values = new ArrayList<>();
        Set<String> constants = new HashSet<>();
        for (GraphQLEnumValueDefinition v : e.getValues()) {
          values.add(new EnumDef.EnumValue(v.getName(), unique(constants, JavaNames.upperSnake(v.getName())),
              v.getDescription()));
        }
        claim(ctx, name, SCHEMA, new EnumDef(name, e.getDescription(), "enum " + e.getName(),
            TypeRef.PrimitiveKind.STRING, values));
      }
      return new TypeRef.Named(name);
    }
    if (type instanceof GraphQLScalarType s) {
      return switch (s.getName()) {
        case "String", "ID" -> TypeRef.string();
        case "Int" -> new TypeRef.Primitive(TypeRef.PrimitiveKind.INT32);
        case "Float" -> new TypeRef.Primitive(TypeRef.PrimitiveKind.DOUBLE);
        case "Boolean" -> new TypeRef.Primitive(TypeRef.PrimitiveKind.BOOLEAN);
        // A custom scalar's wire form is the server's choice: keep it as JSON rather than guess.
        default -> TypeRef.any();
      };
    }
    throw new SpecException(ctx.file(), null, "unsupported GraphQL type " + type.getName());
  }

  /** The fields of a selection set, fragments on the same type merged in (the validator checked them). */
  private List<Field> fields(Context ctx, @Nullable SelectionSet set) {
    List<Field> out = new ArrayList<>();
    if (set == null) {
      return out;
    }
    Map<String, Field> byKey = new LinkedHashMap<>();
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f) {
        byKey.putIfAbsent(f.getResultKey(), f);
      } else if (s instanceof InlineFragment inline) {
        if (inline.getTypeCondition() != null) {
          throw new SpecException(ctx.file(), where(s), "inline fragments with a type condition are not supported;"
              + " select the fields directly");
        }
        fields(ctx, inline.getSelectionSet()).forEach(f -> byKey.putIfAbsent(f.getResultKey(), f));
      } else if (s instanceof FragmentSpread spread) {
        FragmentDefinition def = ctx.fragments().get(spread.getName());
        fields(ctx, def.getSelectionSet()).forEach(f -> byKey.putIfAbsent(f.getResultKey(), f));
      }
    }
    out.addAll(byKey.values());
    return out;
  }

  private void claim(Context ctx, String name, TypeDef def) {
    claim(ctx, name, ctx.file().getFileName().toString(), def);
  }

  private void claim(Context ctx, String name, String owner, TypeDef def) {
    String previous = claimed.putIfAbsent(name, owner);
    if (previous != null) {
      throw new SpecException(ctx.file(), null, "generated type name '" + name + "' is already taken by "
          + (previous.equals(SCHEMA) ? "a schema enum or input type" : previous) + "; rename the operation or use"
          + " an alias for the field");
    }
    types.put(name, def);
  }

  private static String unique(Set<String> taken, String candidate) {
    String name = candidate;
    for (int i = 2; !taken.add(name); i++) {
      name = candidate + i;
    }
    return name;
  }

  private static @Nullable String where(graphql.language.Node<?> node) {
    SourceLocation l = node.getSourceLocation();
    return l == null ? null : "line " + l.getLine() + ", column " + l.getColumn();
  }
}
