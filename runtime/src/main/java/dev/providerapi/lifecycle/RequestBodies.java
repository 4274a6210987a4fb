package dev.providerapi.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies provider.yaml declares for a bound operation: a constant JSON template (Vast's
 * {@code {"state": "stopped"}}) with the instance id set at a pointer ({@code /instance_ids} of Lambda's
 * terminate, {@code /input/podId} of a RunPod mutation's variables), converted to the generated request type.
 * The generator checks the pointer against the spec, so a mismatch is a generation error, not a runtime one.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * The request body: the template with the id set at {@code idPointer} (the objects on the way are created),
   * converted to {@code type}.
   *
   * @param template the body without the id, as JSON ({@code {}} for none)
   * @param idPointer where the id goes, or null
   * @param idAsList the field at the pointer is a list: the id is its one element
   * @param id the instance id (a number for numeric id fields)
   * @param <T> the request type
   * @param mapper the mapper to read the template and convert with
   * @param type the generated request type
   * @return the body as {@code type}
   * @throws IllegalStateException if the template is not a JSON object
   */
  public static <T> T build(ObjectMapper mapper, String template, @Nullable String idPointer, boolean idAsList,
      @Nullable Object id, Class<T> type) {
    ObjectNode root;
    try {
      root = (ObjectNode) mapper.readTree(template);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("generated body template is not a JSON object: " + template, e);
    }
    if (idPointer != null) {
      String[] parts = idPointer.substring(1).split("/");
      ObjectNode at = root;
      for (int i = 0; i < parts.length - 1; i++) {
        JsonNode child = at.get(parts[i]);
        at = child instanceof ObjectNode o ? o : at.putObject(parts[i]);
      }
      JsonNode value = mapper.valueToTree(id);
      if (idAsList) {
        ArrayNode list = mapper.createArrayNode().add(value);
        at.set(parts[parts.length - 1], list);
      } else {
        at.set(parts[parts.length - 1], value);
      }
    }
    return mapper.convertValue(root, type);
  }

  /**
   * {@code template} with {@code {token}} replaced by the client token as the inside of a JSON string, for a
   * list filter that travels as JSON text (Vast's {@code {"label":{"eq":"{token}"}}}).
   *
   * @param template the template, with {@code {token}} placeholders
   * @param clientToken the client token, JSON-escaped where it is put
   * @return the filled template
   */
  public static String fill(String template, String clientToken) {
    String quoted = new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(clientToken));
    return template.replace("{token}", quoted);
  }
}
