package dev.providerapi.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphqlErrorException;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RunPod GraphQL: every request is executed by graphql-java against {@code specs/runpod/schema.graphql}, so a
 * query or variable the schema refuses is refused as the real endpoint refuses it ({@code errors[]}). Pods are
 * created by {@code podFindAndDeployOnDemand} / {@code podRentInterruptable} (token = the name), read by
 * {@code pod} and {@code myself.pods} (no paging), stopped, resumed and terminated.
 */
final class RunpodFake extends FakeProvider {
  @Override
  protected String basePath() {
    return "/graphql";
  }

  private static final String P = "runpod";
  private static final Pattern OPERATION = Pattern.compile("(?:query|mutation)\\s+(\\w+)");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private final GraphQL graphql;

  RunpodFake(String apiKey, SandboxClock clock) {
    super(P, apiKey, clock);
    Coercing<Object, Object> passThrough = new Coercing<>() {
      @Override
      public Object serialize(Object v) {
        return v;
      }

      @Override
      public Object parseValue(Object v) {
        return v;
      }

      @Override
      public Object parseLiteral(Object v) {
        return v;
      }
    };
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
        .scalar(GraphQLScalarType.newScalar().name("DateTime").coercing(passThrough).build())
        .scalar(GraphQLScalarType.newScalar().name("Void").coercing(passThrough).build())
        .type("Query", t -> t
            .dataFetcher("myself", env -> Map.of("pods", pods()))
            .dataFetcher("pod", env -> {
              FakeInstance i = find(input(env).get("podId"));
              return i == null ? null : render(i);
            })
            .dataFetcher("gpuTypes", env -> Specs.JSON.convertValue(
                Specs.fixture(P, "GpuTypes.response.json").path("data").path("gpuTypes"), List.class)))
        .type("GpuType", t -> t.dataFetcher("lowestPrice", env -> {
          // the fixture answers the two aliased lowestPrice selections under their aliases
          Map<String, Object> source = env.getSource();
          Map<String, Object> in = env.getArgument("input");
          boolean secure = in != null && Boolean.TRUE.equals(in.get("secureCloud"));
          return source.get(secure ? "secureLowestPrice" : "communityLowestPrice");
        }))
        .type("Mutation", t -> t
            .dataFetcher("podFindAndDeployOnDemand", deploy(false))
            .dataFetcher("podRentInterruptable", deploy(true))
            .dataFetcher("podStop", env -> {
              FakeInstance i = existing(input(env).get("podId"));
              i.stop();
              return render(i);
            })
            .dataFetcher("podResume", resume())
            .dataFetcher("podBidResume", resume())
            .dataFetcher("podTerminate", env -> {
              existing(input(env).get("podId")).terminate(clock.now());
              return null;
            }))
        .build();
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
        new SchemaParser().parse(Specs.text(P, "schema.graphql")), wiring);
    this.graphql = GraphQL.newGraphQL(schema).build();
  }

  @Override
  public Map<String, String> environment(String baseUrl) {
    return Map.of("RUNPOD_API_KEY", apiKey);
  }

  @Override
  protected Set<String> statusFields() {
    return Set.of("desiredStatus");
  }

  @Override
  protected Op classify(SandboxRequest r) {
    JsonNode body = parse(r);
    String op = body == null ? null : body.path("operationName").asText(null);
    if (op == null && body != null) {
      Matcher m = OPERATION.matcher(body.path("query").asText());
      op = m.find() ? m.group(1) : null;
    }
    if (op == null) {
      return Op.OTHER;
    }
    return switch (op) {
      case "GpuTypes" -> Op.OFFERS;
      case "MyPods" -> Op.LIST;
      case "Pod" -> Op.GET;
      case "PodFindAndDeployOnDemand", "PodRentInterruptable" -> Op.CREATE;
      case "PodStop" -> Op.STOP;
      case "PodResume", "PodBidResume" -> Op.START;
      case "PodTerminate" -> Op.TERMINATE;
      default -> Op.OTHER;
    };
  }

  @Override
  protected SandboxResponse handle(SandboxRequest r) {
    JsonNode body = parse(r);
    if (body == null || !body.path("query").isTextual()) {
      return refuse(400, "invalid_request", "a GraphQL request is a JSON object with a query");
    }
    Map<String, Object> variables = body.path("variables").isObject()
        ? Specs.JSON.convertValue(body.get("variables"), MAP) : Map.of();
    ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput()
        .query(body.get("query").asText())
        .operationName(body.path("operationName").asText(null))
        .variables(variables)
        .build());
    Map<String, Object> spec = result.toSpecification();
    if (!result.getErrors().isEmpty()) {
      state.recordRefused("graphql: " + result.getErrors().get(0).getMessage());
    }
    // A document or variables the schema refuses never executes: HTTP 400, as RunPod answers it.
    boolean executed = result.isDataPresent();
    return json(executed ? 200 : 400, Specs.JSON.valueToTree(spec));
  }

  private DataFetcher<Object> deploy(boolean spot) {
    return env -> {
      Map<String, Object> in = env.getArgument("input");
      ObjectNode spec = Specs.JSON.valueToTree(in);
      String name = spec.path("name").asText("");
      FakeInstance i = store(newHexId().substring(0, 14), name, name, spec, spot);
      return render(i);
    };
  }

  private DataFetcher<Object> resume() {
    return env -> {
      FakeInstance i = existing(input(env).get("podId"));
      i.start(clock.now(), bootTime());
      return render(i);
    };
  }

  private static Map<String, String> input(graphql.schema.DataFetchingEnvironment env) {
    Map<String, Object> in = env.getArgument("input");
    Map<String, String> out = new HashMap<>();
    if (in != null) {
      in.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    }
    return out;
  }

  private FakeInstance find(String id) {
    return id == null ? null : state.instance(id).filter(FakeInstance::live).orElse(null);
  }

  private FakeInstance existing(String id) {
    FakeInstance i = find(id);
    if (i == null) {
      throw GraphqlErrorException.newErrorException().message("pod not found: " + id)
          .extensions(Map.of("code", "NOT_FOUND")).build();
    }
    return i;
  }

  private List<Object> pods() {
    List<Object> out = new ArrayList<>();
    state.live().forEach(i -> out.add(render(i)));
    return out;
  }

  private Map<String, Object> render(FakeInstance i) {
    JsonNode spec = i.spec();
    Map<String, Object> pod = new HashMap<>();
    pod.put("id", i.id());
    pod.put("name", i.name());
    pod.put("imageName", spec.path("imageName").asText(""));
    pod.put("vcpuCount", spec.path("minVcpuCount").asDouble(8));
    pod.put("memoryInGb", spec.path("minMemoryInGb").asDouble(32));
    pod.put("volumeEncrypted", false);
    FakeInstance.State s = i.state(clock.now());
    pod.put("desiredStatus", switch (s) {
      case BOOTING, RUNNING -> "RUNNING";
      case STOPPING, STOPPED, PREEMPTED -> "EXITED";
      case TERMINATED -> "TERMINATED";
    });
    pod.put("podType", i.spot() ? "INTERRUPTABLE" : "RESERVED");
    pod.put("costPerHr", i.spot() ? spec.path("bidPerGpu").asDouble(0.2) : 0.3);
    pod.put("adjustedCostPerHr", pod.get("costPerHr"));
    pod.put("gpuCount", spec.path("gpuCount").asInt(1));
    pod.put("containerDiskInGb", spec.path("containerDiskInGb").asInt(0));
    pod.put("volumeInGb", spec.path("volumeInGb").asInt(0));
    List<String> env = new ArrayList<>();
    spec.path("env").forEach(e -> env.add(e.path("key").asText() + "=" + e.path("value").asText()));
    pod.put("env", env);
    pod.put("machineId", "sandbox-machine");
    pod.put("machine", Map.of("podHostId", i.id() + "-sandbox", "gpuDisplayName",
        spec.path("gpuTypeId").asText("GPU"), "gpuTypeId", spec.path("gpuTypeId").asText("GPU")));
    if (s == FakeInstance.State.RUNNING) {
      pod.put("runtime", Map.of("uptimeInSeconds", 1, "ports", List.of(Map.of("ip", "203.0.113.7",
          "isIpPublic", true, "privatePort", 22, "publicPort", 40022, "type", "tcp"))));
    }
    return pod;
  }

  /** RunPod's wording for a pod it cannot place now. */
  @Override
  protected SandboxResponse capacityError() {
    return error(200, "internal", "There are no longer any instances available with the requested specifications."
        + " Please refresh and try again.");
  }

  @Override
  protected SandboxResponse error(int status, String reason, String message) {
    String code = switch (reason) {
      case "unauthorized" -> "UNAUTHENTICATED";
      case "not_found" -> "NOT_FOUND";
      case "rate_limited" -> "RATE_LIMITED";
      case "invalid_request" -> "BAD_USER_INPUT";
      default -> "INTERNAL_SERVER_ERROR";
    };
    String text = reason.equals("unauthorized") ? "unauthorized: " + message : message;
    ObjectNode out = object();
    out.putArray("errors").addObject().put("message", text).putObject("extensions").put("code", code);
    return json(status, out);
  }
}
