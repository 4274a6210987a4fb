package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Node edits by JSON pointer that leave every other byte of the YAML alone. */
class YamlTextEditorTest {
  private static final String SPEC = """
      # ours
      components:
        schemas:
          Machine:
            type: object
            required: [id, name]
            properties:
              id: {type: string}   # the id
              name:
                type: string
                description: a name
          Status:
            type: string
            enum:
              - up
              - down
      """;

  @Test
  void putAddsAnEntryAfterTheLastOneAtItsIndentation() {
    YamlTextEditor e = new YamlTextEditor(SPEC);
    e.put("#/components/schemas/Machine/properties", "gpu", "{\"type\":\"string\"}");

    assertThat(e.text()).isEqualTo(SPEC.replace("        description: a name\n",
        "        description: a name\n        gpu: {\"type\":\"string\"}\n"));
  }

  @Test
  void putReplacesOnlyTheValueKeepingTheComment() {
    YamlTextEditor e = new YamlTextEditor(SPEC);
    e.put("#/components/schemas/Machine/properties", "id", "{\"type\":\"integer\"}");

    assertThat(e.text()).isEqualTo(SPEC.replace("id: {type: string}   # the id", "id: {\"type\":\"integer\"}   # the id"));
  }

  @Test
  void removeDeletesABlockEntryAndAFlowItem() {
    YamlTextEditor e = new YamlTextEditor(SPEC);
    assertThat(e.remove("#/components/schemas/Machine/properties", "name")).isTrue();
    assertThat(e.removeItem("#/components/schemas/Machine/required", "name")).isTrue();

    assertThat(e.text()).isEqualTo(SPEC.replace("        name:\n          type: string\n"
        + "          description: a name\n", "").replace("[id, name]", "[id]"));
    assertThat(e.remove("#/components/schemas/Machine/properties", "absent")).isFalse();
  }

  @Test
  void appendAndRemoveInABlockSequence() {
    YamlTextEditor e = new YamlTextEditor(SPEC);
    e.append("#/components/schemas/Status/enum", "\"paused\"");
    assertThat(e.removeItem("#/components/schemas/Status/enum", "down")).isTrue();

    assertThat(e.text()).isEqualTo(SPEC.replace("        - down\n", "        - \"paused\"\n"));
  }

  @Test
  void appendToAFlowSequence() {
    YamlTextEditor e = new YamlTextEditor(SPEC);
    e.append("#/components/schemas/Machine/required", "\"gpu\"");

    assertThat(e.text()).isEqualTo(SPEC.replace("[id, name]", "[id, name, \"gpu\"]"));
    assertThat(e.has("#/components/schemas/Nope")).isFalse();
  }
}
