package dev.providerapi.generator.model;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The order of a generated client method's arguments: path parameters, then a required body, then required
 * query/header parameters, then every optional one (an optional body first). One place decides it, because the
 * client emitter and the generated tests that call the client must agree.
 */
public final class Arguments {
  private Arguments() {}

  /**
   * A parameter ({@code param} set) or the request body ({@code body} set).
   *
   * @param param the parameter, or null for the body
   * @param body the request body, or null for a parameter
   */
  public record Argument(@Nullable ParamDef param, @Nullable BodyDef body) {
    /**
     * Whether the caller must pass it.
     *
     * @return the parameter's or the body's {@code required}
     */
    public boolean required() {
      return param != null ? param.required() : body.required();
    }

    /**
     * Whether this is the request body.
     *
     * @return true when {@code body} is set
     */
    public boolean isBody() {
      return body != null;
    }
  }

  /**
   * The client method's arguments of {@code op}, in order.
   *
   * @param op the operation
   * @return path parameters, the required body, required query/header parameters, then the optional ones
   */
  public static List<Argument> of(OperationDef op) {
    List<Argument> path = new ArrayList<>();
    List<Argument> required = new ArrayList<>();
    List<Argument> optional = new ArrayList<>();
    for (ParamDef p : op.params()) {
      Argument a = new Argument(p, null);
      (p.location() == ParamDef.Location.PATH ? path : p.required() ? required : optional).add(a);
    }
    List<Argument> out = new ArrayList<>(path);
    if (op.body() != null) {
      Argument body = new Argument(null, op.body());
      if (op.body().required()) {
        out.add(body);
      } else {
        optional.add(0, body);
      }
    }
    out.addAll(required);
    out.addAll(optional);
    return out;
  }
}
