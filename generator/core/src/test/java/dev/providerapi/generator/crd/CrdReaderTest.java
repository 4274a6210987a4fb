package dev.providerapi.generator.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.emit.JavaEmitters;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.generator.testing.TestManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrdReaderTest {
  @TempDir Path dir;

  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
        annotations:
          provider-api.dev/actions: |
            - {id: startWidget, method: PUT, path: '/apis/sub.example.com/v1/namespaces/{namespace}/widgets/{name}/start'}
      spec:
        group: example.com
        names: {kind: Widget, listKind: WidgetList, plural: widgets}
        scope: Namespaced
        versions:
        - name: v1beta1
          served: true
          storage: false
          schema: {openAPIV3Schema: {type: object}}
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                apiVersion: {type: string}
                kind: {type: string}
                metadata: {type: object}
                spec:
                  type: object
                  required: [size]
                  properties:
                    size: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
                    mode: {type: string, enum: [fast, slow]}
                    count: {type: integer, format: int32}
                    extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                    labels: {type: object, additionalProperties: {type: string}}
                    open:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
                      properties: {known: {type: boolean}}
                    continue: {type: string}
                    password: {type: string}
                status:
                  type: object
                  properties:
                    conditions:
                      type: array
                      items:
                        type: object
                        properties:
                          type: {type: string}
                          lastTransitionTime: {type: string, format: date-time}
      """;

  private ApiModel read(String yaml) throws IOException {
    Path file = dir.resolve("widget.crd.yaml");
    Files.writeString(file, yaml);
    return new CrdReader().read(file, null);
  }

  @Test
  void mapsTheSchemaWithTheKubernetesExtensions() throws IOException {
    ApiModel model = read(CRD);
    RecordDef spec = (RecordDef) model.type("WidgetSpec").orElseThrow();
    assertThat(field(spec, "size").type()).isEqualTo(TypeRef.any());
    assertThat(field(spec, "size").required()).isTrue();
    assertThat(field(spec, "mode").type()).isEqualTo(new TypeRef.Named("WidgetSpecMode"));
    assertThat(((EnumDef) model.type("WidgetSpecMode").orElseThrow()).values()).extracting(EnumDef.EnumValue::wire)
        .containsExactly("fast", "slow");
    assertThat(field(spec, "count").type()).isEqualTo(new TypeRef.Primitive(TypeRef.PrimitiveKind.INT32));
    assertThat(field(spec, "extra").type()).isEqualTo(new TypeRef.MapOf(TypeRef.any()));
    assertThat(field(spec, "labels").type()).isEqualTo(new TypeRef.MapOf(TypeRef.string()));
    assertThat(((RecordDef) model.type("WidgetSpecOpen").orElseThrow()).additionalProperties()).isEqualTo(TypeRef.any());
    assertThat(field(spec, "continue").javaName()).isEqualTo("continue_");
    assertThat(field(spec, "password").sensitive()).isTrue();
    RecordDef condition = (RecordDef) model.type("WidgetStatusConditionsItem").orElseThrow();
    assertThat(field(condition, "lastTransitionTime").type())
        .isEqualTo(new TypeRef.Primitive(TypeRef.PrimitiveKind.DATE_TIME));
    RecordDef widget = (RecordDef) model.type("Widget").orElseThrow();
    assertThat(widget.fields()).extracting(FieldDef::jsonName)
        .containsExactly("apiVersion", "kind", "metadata", "spec", "status");
    assertThat(field(widget, "metadata").type()).isEqualTo(new TypeRef.Named("ObjectMeta"));
    assertThat(model.version()).as("the storage version").isEqualTo("v1");
  }

  @Test
  void restVerbsAndDeclaredActionsBecomeHttpOperations() throws IOException {
    ApiModel model = read(CRD);
    assertThat(model.operations()).extracting(OperationDef::id).containsExactly("createWidget", "deleteWidget",
        "getWidget", "listWidgets", "startWidget");
    assertThat(http(model, "createWidget")).isEqualTo(new OperationDef.Http("POST",
        "/apis/example.com/v1/namespaces/{namespace}/widgets"));
    assertThat(model.operation("createWidget").orElseThrow().idempotent()).isFalse();
    assertThat(model.operation("createWidget").orElseThrow().successStatus()).isEqualTo(201);
    assertThat(http(model, "getWidget").path()).isEqualTo("/apis/example.com/v1/namespaces/{namespace}/widgets/{name}");
    OperationDef list = model.operation("listWidgets").orElseThrow();
    assertThat(list.params()).extracting(ParamDef::name).containsExactly("namespace", "limit", "continue",
        "labelSelector");
    assertThat(list.response()).isEqualTo(new TypeRef.Named("WidgetList"));
    assertThat(http(model, "startWidget")).isEqualTo(new OperationDef.Http("PUT",
        "/apis/sub.example.com/v1/namespaces/{namespace}/widgets/{name}/start"));
    assertThat(model.operation("startWidget").orElseThrow().idempotent()).isTrue();
  }

  @Test
  void clusterScopedResourcesHaveNoNamespaceInThePath() throws IOException {
    ApiModel model = read(CRD.replace("scope: Namespaced", "scope: Cluster"));
    assertThat(http(model, "listWidgets").path()).isEqualTo("/apis/example.com/v1/widgets");
  }

  @Test
  void emitsCodeThatCompiles() throws IOException {
    Compiled.compile(JavaEmitters.emit(read(CRD), TestManifests.minimal("widgets", "Widgets")));
  }

  @Test
  void badInputNamesTheLocation() {
    assertThatThrownBy(() -> read(CRD.replace("kind: CustomResourceDefinition", "kind: Deployment")))
        .isInstanceOf(SpecException.class).hasMessageContaining("exactly one document of kind CustomResourceDefinition");
    assertThatThrownBy(() -> read(CRD.replace("names: {kind: Widget,", "names: {")))
        .isInstanceOf(SpecException.class).hasMessageContaining("/spec/names/kind").hasMessageContaining("missing");
    assertThatThrownBy(() -> read(CRD.replace("{type: integer, format: int32}", "{type: integr}")))
        .isInstanceOf(SpecException.class).hasMessageContaining("properties/count/type")
        .hasMessageContaining("unknown schema type 'integr'");
    assertThatThrownBy(() -> read(CRD.replace("method: PUT", "method: TRACE")))
        .isInstanceOf(SpecException.class).hasMessageContaining("provider-api.dev/actions[0].method");
    assertThatThrownBy(() -> read(CRD.replace("required: [size]", "required: [sizes]")))
        .isInstanceOf(SpecException.class).hasMessageContaining("required member 'sizes'");
  }

  private static FieldDef field(RecordDef r, String json) {
    return r.fields().stream().filter(f -> f.jsonName().equals(json)).findFirst().orElseThrow();
  }

  private static OperationDef.Http http(ApiModel model, String id) {
    return (OperationDef.Http) model.operation(id).orElseThrow().transport();
  }
}
