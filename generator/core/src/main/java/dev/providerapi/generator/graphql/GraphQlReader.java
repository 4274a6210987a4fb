package dev.providerapi.generator.graphql;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a GraphQL schema (SDL) and the operation documents we send ({@code operations/*.graphql} next to it)
 * into the {@link ApiModel}, the way Apollo's operation-based codegen does: every document is validated against
 * the schema, and becomes one typed operation whose result record holds exactly the fields it selects.
 */
public final class GraphQlReader {
  /** The folder, next to the schema, that holds one operation per {@code .graphql} file. */
  public static final String OPERATIONS_FOLDER = "operations";

  /**
   * @param schemaFile the SDL file
   * @param responseEnvelope ignored: a GraphQL result is always {@code data.<root field>}
   * @throws SpecException naming the file, the line and what is wrong
   */
  public ApiModel read(Path schemaFile, @Nullable String responseEnvelope) {
    if (!Files.isRegularFile(schemaFile)) {
      throw new SpecException(schemaFile, null, "no such file");
    }
    GraphQLSchema schema = schema(schemaFile);
    List<Path> files = operationFiles(schemaFile);
    OperationMapper mapper = new OperationMapper(schema);
    List<OperationDef> operations = new ArrayList<>();
    for (Path file : files) {
      String text = read(file);
      Document document = parse(file, text);
      validate(file, schema, document);
      operations.add(mapper.map(file, text, document));
    }
    operations.sort(java.util.Comparator.comparing(OperationDef::id));
    return new ApiModel("", "", null, List.of(), mapper.types(), operations, schemaFile.toString());
  }

  /** Every {@code operations/*.graphql} next to the schema, sorted; none is an error (nothing to generate). */
  public static List<Path> operationFiles(Path schemaFile) {
    Path dir = schemaFile.toAbsolutePath().getParent().resolve(OPERATIONS_FOLDER);
    List<Path> files;
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".graphql")).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
      }
    } else {
      files = List.of();
    }
    if (files.isEmpty()) {
      throw new SpecException(dir, null, "no operation documents: a GraphQL spec needs one operation per "
          + "<name>.graphql file in the folder '" + OPERATIONS_FOLDER + "' next to " + schemaFile.getFileName());
    }
    return files;
  }

  /**
   * The schema alone, without operation documents (what {@code provider-api diff} compares).
   *
   * @throws SpecException naming the file, the line and what is wrong
   */
  public static GraphQLSchema schema(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SpecException(file, null, "no such file");
    }
    TypeDefinitionRegistry registry;
    try {
      registry = new SchemaParser().parse(read(file));
    } catch (SchemaProblem e) {
      GraphQLError first = e.getErrors().get(0);
      throw new SpecException(file, location(first.getLocations()), "invalid GraphQL schema: " + first.getMessage(), e);
    } catch (InvalidSyntaxException e) {
      throw new SpecException(file, location(e.getLocation() == null ? null : List.of(e.getLocation())), "invalid GraphQL schema: " + e.getMessage(), e);
    }
    try {
      return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    } catch (SchemaProblem e) {
      GraphQLError first = e.getErrors().get(0);
      throw new SpecException(file, location(first.getLocations()), "invalid GraphQL schema: " + first.getMessage(), e);
    }
  }

  private static Document parse(Path file, String text) {
    try {
      return Parser.parse(text);
    } catch (InvalidSyntaxException e) {
      throw new SpecException(file, location(e.getLocation() == null ? null : List.of(e.getLocation())), "invalid GraphQL document: " + e.getMessage(), e);
    }
  }

  private static void validate(Path file, GraphQLSchema schema, Document document) {
    List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
    if (!errors.isEmpty()) {
      ValidationError first = errors.get(0);
      String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
      throw new SpecException(file, location(first.getLocations()), "operation does not validate against the "
          + "schema: " + first.getDescription() + more);
    }
  }

  static @Nullable String location(@Nullable List<SourceLocation> locations) {
    if (locations == null || locations.isEmpty() || locations.get(0) == null) {
      return null;
    }
    SourceLocation l = locations.get(0);
    return "line " + l.getLine() + ", column " + l.getColumn();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
