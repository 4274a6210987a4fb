package dev.providerapi.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.openapi.OpenApiReader;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.generator.testing.TestManifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decodes and re-encodes JSON with classes compiled from emitted source: the annotations must really work. */
class RoundTripTest {
  private final ObjectMapper json = new ObjectMapper();

  private Compiled compile(String fixture) {
    ApiModel model = new OpenApiReader().read(FixtureTest.FIXTURES.resolve(fixture).resolve("spec.yaml"), null);
    return Compiled.compile(JavaEmitters.emit(model, TestManifests.minimal(fixture, "Fixture")));
  }

  @Test
  void enumKeepsUnknownValuesAndReturnsConstantsForKnownOnes() throws Exception {
    Compiled c = compile("enums");
    Class<?> status = c.load("test.enums.model.Status");
    Object active = json.readValue("\"active\"", status);
    assertThat(active).isSameAs(status.getField("ACTIVE").get(null));
    assertThat(status.getMethod("kind").invoke(active).toString()).isEqualTo("ACTIVE");

    Object future = json.readValue("\"hibernating\"", status);
    assertThat(status.getMethod("kind").invoke(future).toString()).isEqualTo("UNKNOWN");
    assertThat(status.getMethod("isKnown").invoke(future)).isEqualTo(false);
    assertThat(json.writeValueAsString(future)).isEqualTo("\"hibernating\"");

    Class<?> priority = c.load("test.enums.model.Priority");
    Object ten = json.readValue("10", priority);
    assertThat(ten).isSameAs(priority.getField("_10").get(null));
    assertThat(json.writeValueAsString(json.readValue("7", priority))).isEqualTo("7");

    Class<?> machine = c.load("test.enums.model.Machine");
    Object m = json.readValue("{\"status\":\"gpu-1x\",\"mode\":\"warp\",\"extra\":1}", machine);
    assertThat(json.writeValueAsString(m)).isEqualTo("{\"status\":\"gpu-1x\",\"mode\":\"warp\"}");
  }

  @Test
  void discriminatedUnionPicksVariantByTagAndKeepsUnknownTags() throws Exception {
    Compiled c = compile("unions");
    Class<?> pet = c.load("test.unions.model.Pet");
    Object cat = json.readValue("{\"kind\":\"cat\",\"lives\":9}", pet);
    assertThat(cat.getClass().getName()).isEqualTo("test.unions.model.Cat");
    assertThat(cat.getClass().getMethod("lives").invoke(cat)).isEqualTo(9);

    Object bird = json.readValue("{\"kind\":\"bird\",\"wings\":2}", pet);
    assertThat(bird.getClass().getName()).isEqualTo("test.unions.model.Pet$Unknown");
    assertThat(bird.getClass().getMethod("properties").invoke(bird)).isEqualTo(Map.of("kind", "bird", "wings", 2));
    assertThat(json.writeValueAsString(bird)).isEqualTo("{\"kind\":\"bird\",\"wings\":2}");

    List<?> pets = json.readValue("[{\"kind\":\"dog\",\"goodBoy\":true},{\"kind\":\"cat\"}]",
        json.getTypeFactory().constructCollectionType(List.class, pet));
    assertThat(pets).extracting(p -> p.getClass().getSimpleName()).containsExactly("Dog", "Cat");
  }

  @Test
  void unionWithoutDiscriminatorDeducesTheVariant() throws Exception {
    Compiled c = compile("unions");
    Class<?> payment = c.load("test.unions.model.Payment");
    assertThat(json.readValue("{\"iban\":\"DE00\"}", payment).getClass().getSimpleName()).isEqualTo("Transfer");
    assertThat(json.readValue("{\"cardNumber\":\"4111\"}", payment).getClass().getSimpleName()).isEqualTo("Card");
    assertThat(json.readValue("{\"voucher\":\"x\"}", payment).getClass().getName())
        .isEqualTo("test.unions.model.Payment$Unknown");
    assertThat(json.readValue("\"not an object\"", payment).getClass().getName())
        .isEqualTo("test.unions.model.Payment$Unknown");
  }

  @Test
  void unionWhoseVariantIsASubsetOfAnotherPicksTheOneExplainingMostMembers() throws Exception {
    Compiled c = compile("unions");
    Class<?> added = c.load("test.unions.model.AddedKey");
    assertThat(json.readValue("{\"id\":\"k\",\"public_key\":\"ssh-ed25519 A\"}", added).getClass().getSimpleName())
        .isEqualTo("Key");
    assertThat(json.readValue("{\"id\":\"k\",\"public_key\":\"p\",\"private_key\":\"s\"}", added)
        .getClass().getSimpleName()).isEqualTo("GeneratedKey");

    // A variant decoded on its own (a List<Key>) does not go through the union's deserializer.
    Class<?> key = c.load("test.unions.model.Key");
    List<?> keys = json.readValue("[{\"id\":\"k\",\"public_key\":\"p\"}]",
        json.getTypeFactory().constructCollectionType(List.class, key));
    assertThat(keys).extracting(k -> k.getClass().getSimpleName()).containsExactly("Key");
    Class<?> cat = c.load("test.unions.model.Cat");
    assertThat(json.readValue("{\"kind\":\"cat\",\"lives\":3}", cat).getClass()).isEqualTo(cat);
  }

  @Test
  void openRecordKeepsExtraMembersThroughARoundTrip() throws Exception {
    Compiled c = compile("maps");
    Class<?> open = c.load("test.maps.model.Open");
    Object o = json.readValue("{\"id\":\"a\",\"zone\":\"z1\",\"n\":3}", open);
    assertThat(open.getMethod("id").invoke(o)).isEqualTo("a");
    assertThat(json.readTree(json.writeValueAsString(o)))
        .isEqualTo(json.readTree("{\"id\":\"a\",\"zone\":\"z1\",\"n\":3}"));
  }

  @Test
  void recursiveRecordDecodesNestedChildrenAndBuilderBuilds() throws Exception {
    Compiled c = compile("recursion");
    Class<?> node = c.load("test.recursion.model.Node");
    Object tree = json.readValue("{\"name\":\"root\",\"children\":[{\"name\":\"leaf\"}]}", node);
    List<?> children = (List<?>) node.getMethod("children").invoke(tree);
    assertThat(node.getMethod("name").invoke(children.get(0))).isEqualTo("leaf");

    Object builder = node.getMethod("builder").invoke(null);
    builder.getClass().getMethod("name", String.class).invoke(builder, "solo");
    Object built = builder.getClass().getMethod("build").invoke(builder);
    assertThat(json.writeValueAsString(built)).isEqualTo("{\"name\":\"solo\"}");
  }
}
