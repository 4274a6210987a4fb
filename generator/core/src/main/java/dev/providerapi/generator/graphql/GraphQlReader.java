package dev.providerapi.generator.graphql;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.AuthDef;
import dev.providerapi.generator.model.OperationDef;
import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a GraphQL schema (SDL) and the operation documents we send ({@code operations/*.graphql} next to it)
 * into the {@link ApiModel}, the way Apollo's operation-based codegen does: every document is validated against
 * the schema, and becomes one typed operation whose result record holds exactly the fields it selects. A schema
 * declares no auth: its {@link ApiModel#auth()} is a bearer token, what GraphQL APIs take.
 */
public final class GraphQlReader {
  /** The folder, next to the schema, that holds one operation per {@code .graphql} file. */
  public static final String OPERATIONS_FOLDER = "operations";

  private static final Logger LOG = LoggerFactory.getLogger(GraphQlReader.class);

  private final Consumer<String> warnings;

  /**
   * Warnings (a published schema's defects worked around, starter operations) go to
   * {@link ApiModel#warnings()}.
   */
  public GraphQlReader() {
    this(w -> { });
  }

  /**
   * A reader that also reports each warning as it is found.
   *
   * @param warnings also receives each warning, one line naming the file and place, as it is found
   */
  public GraphQlReader(Consumer<String> warnings) {
    this.warnings = warnings;
  }

  /**
   * Reads the schema and its operation documents (or generated starter queries when there are none).
   *
   * @param schemaFile the SDL file
   * @param responseEnvelope ignored: a GraphQL result is always {@code data.<root field>}
   * @return the schema's model with one operation per document
   * @throws SpecException naming the file, the line and what is wrong
   */
  public ApiModel read(Path schemaFile, @Nullable String responseEnvelope) {
    if (!Files.isRegularFile(schemaFile)) {
      throw new SpecException(schemaFile, null, "no such file");
    }
    List<String> found = new ArrayList<>();
    Consumer<String> warn = w -> {
      found.add(w);
      warnings.accept(w);
    };
    GraphQLSchema schema = schema(schemaFile, warn);
    List<Path> files = operationFiles(schemaFile);
    OperationMapper mapper = new OperationMapper(schema);
    List<OperationDef> operations = new ArrayList<>();
    for (Path file : files) {
      String text = read(file);
      Document document = parse(file, text);
      validate(file, schema, document);
      operations.add(mapper.map(file, text, document));
    }
    if (files.isEmpty()) {
      operations.addAll(starters(schemaFile, schema, mapper, warn));
    }
    operations.sort(java.util.Comparator.comparing(OperationDef::id));
    return new ApiModel("", "", null, List.of(), mapper.types(), operations, schemaFile.toString(),
        null, found, mapper.derived(), AuthDef.bearer());
  }

  /**
   * A published schema comes without the documents we would send: read the starter queries {@code new --graphql}
   * writes (one per argument-free Query field) as if they were files in {@code operations/}. A starter the
   * mapper cannot take (a generated name taken by a schema type) is left out with a warning.
   */
  private static List<OperationDef> starters(Path schemaFile, GraphQLSchema schema, OperationMapper mapper,
      Consumer<String> warnings) {
    Path dir = schemaFile.toAbsolutePath().getParent().resolve(OPERATIONS_FOLDER);
    List<GraphQlStarter.Document> documents = GraphQlStarter.documents(schema);
    if (documents.isEmpty()) {
      throw new SpecException(schemaFile, null, "no operation documents in " + dir + ", and no field of the root "
          + "Query type (" + schema.getQueryType().getName() + ") can be called without arguments to start from; "
          + "write one operation per <Name>.graphql file in the folder '" + OPERATIONS_FOLDER + "' next to "
          + schemaFile.getFileName());
    }
    List<OperationDef> out = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (GraphQlStarter.Document d : documents) {
      Path file = dir.resolve(d.name() + ".graphql");
      Document document = parse(file, d.text());
      if (!new Validator().validateDocument(schema, document, Locale.ENGLISH).isEmpty()) {
        skipped.add(d.name());
        continue;
      }
      try {
        out.add(mapper.mapOrRollBack(file, d.text(), document));
      } catch (SpecException e) {
        skipped.add(d.name());
      }
    }
    warnings.accept(schemaFile + ": no operation documents in " + dir + "; generated " + out.size()
        + " starter queries, one per argument-free field of " + schema.getQueryType().getName()
        + (skipped.isEmpty() ? "" : " (left out: " + String.join(", ", skipped) + ")")
        + "; write operations/<Name>.graphql (provider-api new --graphql starts them) to choose what is selected");
    return out;
  }

  /** Comments, descriptions and blank lines, then an SDL definition keyword. */
  private static final java.util.regex.Pattern SDL_START = java.util.regex.Pattern.compile(
      "(?s)(\\s|#[^\\n]*\\n|\"\"\".*?\"\"\"|\"[^\"\\n]*\")*"
          + "(type|schema|scalar|enum|interface|union|input|directive|extend)\\b");

  /**
   * Whether {@code file} is GraphQL SDL: by its extension ({@code .graphql}, {@code .graphqls}, {@code .gql},
   * {@code .sdl}), or, for a file not named {@code .json}/{@code .yaml}, by content (comments and descriptions,
   * then a definition keyword).
   *
   * @param file the spec file
   * @return true for GraphQL SDL
   */
  public static boolean isSdl(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".graphql") || n.endsWith(".graphqls") || n.endsWith(".gql") || n.endsWith(".sdl")) {
      return true;
    }
    if (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || !Files.isRegularFile(file)) {
      return false;
    }
    return SDL_START.matcher(read(file)).lookingAt();
  }

  /**
   * Every {@code operations/*.graphql} next to the schema, sorted; none when there is no such folder (the reader
   * then starts from generated starter queries).
   *
   * @param schemaFile the schema file
   * @return the documents, absolute; empty when there are none
   * @throws java.io.UncheckedIOException when the folder cannot be listed
   */
  public static List<Path> operationFiles(Path schemaFile) {
    Path dir = schemaFile.toAbsolutePath().getParent().resolve(OPERATIONS_FOLDER);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".graphql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The schema alone, without operation documents (what {@code provider-api diff} compares); warnings to the log.
   *
   * @param file the schema file
   * @return the parsed and validated schema
   * @throws SpecException naming the file, the line and what is wrong
   */
  public static GraphQLSchema schema(Path file) {
    return schema(file, LOG::warn);
  }

  /**
   * The schema alone; a field declared twice in one type is kept once and reported to {@code warnings}.
   *
   * @param file the schema file
   * @param warnings told of each repair, in words
   * @return the parsed and validated schema
   * @throws SpecException naming the file, the line and what is wrong
   */
  public static GraphQLSchema schema(Path file, Consumer<String> warnings) {
    if (!Files.isRegularFile(file)) {
      throw new SpecException(file, null, "no such file");
    }
    return new SchemaLoader(file, read(file), warnings).load();
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
