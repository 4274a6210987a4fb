package dev.providerapi.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.generator.graphql.GraphQlReader;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structurally identical derived types become one; names from the spec are never merged. */
class TypeCollapseTest {
  @TempDir Path dir;

  private ApiModel graphQl(String schema, Map<String, String> operations) throws IOException {
    Files.writeString(dir.resolve("schema.graphql"), schema);
    Files.createDirectories(dir.resolve("operations"));
    for (Map.Entry<String, String> op : operations.entrySet()) {
      Files.writeString(dir.resolve("operations").resolve(op.getKey() + ".graphql"), op.getValue());
    }
    return new GraphQlReader().read(dir.resolve("schema.graphql"), null);
  }

  private static final String PODS = """
      type Query { pod(id: ID!): Pod  myself: User }
      type User { pods: [Pod]  name: String }
      type Pod { id: ID!  name: String  runtime: Runtime  machine: Machine }
      type Runtime { uptime: Int  ports: [Port] }
      type Port { ip: String  publicPort: Int }
      type Machine { gpu: String  region: String }
      """;

  @Test
  void aSelectionRepeatedInTwoOperationsIsOneTypeAndItsChildrenToo() throws IOException {
    ApiModel read = graphQl(PODS, Map.of(
        "Pod", "query Pod($id: ID!) { pod(id: $id) { id name runtime { uptime ports { ip publicPort } } } }",
        "MyPods", """
            query MyPods { myself { pods { ...PodFields } } }
            fragment PodFields on Pod { id name runtime { uptime ports { ip publicPort } } }
            """));
    assertThat(names(read)).contains("MyPodsPods", "MyPodsPodsRuntime", "MyPodsPodsRuntimePorts", "PodResult",
        "PodRuntime", "PodRuntimePorts");

    ApiModel model = TypeCollapse.collapse(read);

    // Pod's own selection and the list's are one record (and their children); each is the only merge of its
    // schema type, so it takes that type's name.
    assertThat(names(model)).containsExactly("MyPodsResult", "Pod", "PodVariables", "Port", "Runtime");
    assertThat(model.operation("Pod").orElseThrow().response()).isEqualTo(new TypeRef.Named("Pod"));
    RecordDef me = (RecordDef) model.type("MyPodsResult").orElseThrow();
    assertThat(me.fields()).singleElement().extracting(FieldDef::type)
        .isEqualTo(new TypeRef.ListOf(new TypeRef.Named("Pod")));
    assertThat(((RecordDef) model.type("Runtime").orElseThrow()).fields().get(1).type())
        .isEqualTo(new TypeRef.ListOf(new TypeRef.Named("Port")));
    assertThat(model.derived()).containsEntry("Pod", "Pod").doesNotContainKey("PodResult")
        .doesNotContainKey("PodVariables");
  }

  @Test
  void selectionsThatDifferInOneFieldStayApartAndTwoMergesOfOneTypeKeepTheShortestName() throws IOException {
    ApiModel model = TypeCollapse.collapse(graphQl(PODS, Map.of(
        "Pod", "query Pod($id: ID!) { pod(id: $id) { id machine { gpu } } }",
        "PodName", "query PodName($id: ID!) { pod(id: $id) { id name } }",
        "PodFull", "query PodFull($id: ID!) { pod(id: $id) { id name machine { gpu } } }",
        "MyPods", "query MyPods { myself { pods { id machine { gpu } } } }",
        "MyPodNames", "query MyPodNames { myself { pods { id name } } }")));

    // {id machine} twice and {id name} twice: two merges stem from Pod, so neither may take its name.
    assertThat(names(model)).containsExactly("Machine", "MyPodNamesResult", "MyPodsResult", "PodFullResult", "PodFullVariables", "PodNameResult", "PodNameVariables", "PodResult", "PodVariables");
    assertThat(((RecordDef) model.type("MyPodNamesResult").orElseThrow()).fields().get(0).type())
        .isEqualTo(new TypeRef.ListOf(new TypeRef.Named("PodNameResult")));
    assertThat(((RecordDef) model.type("MyPodsResult").orElseThrow()).fields().get(0).type())
        .isEqualTo(new TypeRef.ListOf(new TypeRef.Named("PodResult")));
    assertThat(((RecordDef) model.type("PodResult").orElseThrow()).fields().get(1).type())
        .as("machine { gpu } of three selections is one record, the only merge of Machine")
        .isEqualTo(new TypeRef.Named("Machine"));
  }

  @Test
  void typesNamedByTheSpecAreNeverMerged() {
    RecordDef a = new RecordDef("CreateRequest", null, "#/components/schemas/CreateRequest",
        List.of(new FieldDef("name", "name", TypeRef.string(), true, false, null, false, false)), null, false);
    RecordDef b = new RecordDef("UpdateRequest", null, "#/components/schemas/UpdateRequest", a.fields(), null,
        false);
    ApiModel model = new ApiModel("t", "1", null, List.of(), List.of(a, b), List.of(), "spec.yaml");

    assertThat(TypeCollapse.collapse(model)).isSameAs(model);
  }

  private static final String INLINE_ENUMS = """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      servers: [{url: 'https://api.example.com'}]
      paths:
        /machines:
          get:
            operationId: listMachines
            parameters:
              - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}
            responses:
              '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Machine'}}}}
          post:
            operationId: createMachine
            requestBody:
              content: {application/json: {schema: {$ref: '#/components/schemas/CreateMachineRequest'}}}
            responses:
              '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Machine'}}}}
        /templates:
          get:
            operationId: listTemplates
            parameters:
              - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}
            responses:
              '200': {description: ok}
      components:
        schemas:
          Machine:
            type: object
            properties:
              publicIpType: {type: string, enum: [static, dynamic, none]}
              state: {type: string, enum: [off, ready]}
              data: {type: object, properties: {type: {type: string, enum: [vm]}}}
          CreateMachineRequest:
            type: object
            properties:
              publicIpType: {type: string, description: how to assign it, enum: [static, dynamic, none]}
              state: {type: string, enum: [off, ready, starting]}
              attributes: {type: object, properties: {type: {type: string, enum: [vm]}, size: {type: integer}}}
      """;

  @Test
  void inlineOpenApiEnumsRepeatedPerParentAreOneTypeNamedAfterTheirProperty() throws IOException {
    Files.writeString(dir.resolve("openapi.yaml"), INLINE_ENUMS);
    ApiModel read = new dev.providerapi.generator.openapi.OpenApiReader().read(dir.resolve("openapi.yaml"), null);
    assertThat(names(read)).contains("CreateMachineRequestPublicIpType", "MachinePublicIpType",
        "ListMachinesOrder", "ListTemplatesOrder", "CreateMachineRequestAttributesType", "MachineDataType");

    ApiModel model = TypeCollapse.collapse(read);

    // Identical values (descriptions do not count) merge and take the property's name; a one-word property
    // (order, type) takes the words its members share, when they share any. Different values stay apart.
    assertThat(names(model)).containsExactly("CreateMachineRequest", "CreateMachineRequestAttributes",
        "CreateMachineRequestState", "ListOrder", "Machine", "MachineData", "MachineState", "PublicIpType",
        "Type");
    RecordDef machine = (RecordDef) model.type("Machine").orElseThrow();
    assertThat(machine.fields().get(0).type()).isEqualTo(new TypeRef.Named("PublicIpType"));
    assertThat(((RecordDef) model.type("CreateMachineRequest").orElseThrow()).fields())
        .filteredOn(f -> f.jsonName().equals("publicIpType")).singleElement().extracting(FieldDef::type)
        .isEqualTo(new TypeRef.Named("PublicIpType"));
    assertThat(model.operation("listTemplates").orElseThrow().params().get(0).type())
        .isEqualTo(new TypeRef.Named("ListOrder"));
    assertThat(model.operation("listMachines").orElseThrow().params().get(0).type())
        .isEqualTo(new TypeRef.Named("ListOrder"));
    // The name depends on the members only, never on which parent came first.
    assertThat(TypeCollapse.qualified("Type", List.of("CreateInstanceRequestDataType",
        "CreateInstanceAttributesType"))).isEqualTo("CreateInstanceType");
    assertThat(TypeCollapse.qualified("Type", List.of("CreateInstanceAttributesType",
        "CreateInstanceRequestDataType"))).isEqualTo("CreateInstanceType");
    assertThat(TypeCollapse.qualified("PublicIpType", List.of("MachinePublicIpType", "MachineXPublicIpType")))
        .as("a family of two words is kept as it is").isEqualTo("PublicIpType");
  }

  private static List<String> names(ApiModel model) {
    return model.types().stream().map(TypeDef::name).sorted().toList();
  }
}
