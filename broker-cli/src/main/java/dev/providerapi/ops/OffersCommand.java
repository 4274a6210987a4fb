package dev.providerapi.ops;

import dev.providerapi.Provider;
import dev.providerapi.broker.FleetOffers;
import dev.providerapi.broker.ProviderResult;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "offers", header = "Offers of every provider at once, cheapest per GPU-hour first.",
    mixinStandardHelpOptions = true,
    description = {"Offers from every configured provider at once, merged and sorted (cheapest per GPU-hour first).",
        "Each provider has its own deadline; one that fails or is slow is reported on stderr and the rest still",
        "count (exit 3 when some failed, 1 when all did).",
        "",
        "  provider-api offers --gpu H100 --count 8 --max-price 3 --region us-east",
        "  provider-api offers --sandbox --spot --json"})
final class OffersCommand implements Callable<Integer> {
  private final Env env;
  @Mixin GlobalOptions global;
  @Mixin FilterOptions filter;

  @Option(names = "--limit", paramLabel = "N", description = "Show the first N offers only.")
  Integer limit;

  OffersCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    OfferFilter f = filter.toFilter(null);
    if (limit != null && limit < 1) {
      throw new UsageException("--limit must be at least 1, got " + limit);
    }
    try (Session s = Session.open(env, global)) {
      List<Provider> providers = s.fleet().providers();
      env.err().println("offers: asking " + providers.size() + " provider(s) "
          + providers.stream().map(Provider::name).toList() + skipped(s) + "...");
      env.err().flush();
      FleetOffers answer = s.fleet().offers(f);
      List<Offer> offers = filter.apply(answer.offers());
      int matched = offers.size();
      if (limit != null && offers.size() > limit) {
        offers = offers.subList(0, limit);
      }
      Render.providerLines(env.err(), answer.providers(), "offers",
          r -> r.ok() ? (int) filter.apply(answerOf(r)).size() : 0);
      if (global.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        for (Offer o : offers) {
          UnaryOperator<String> canonical = s.fleet().require(o.provider())::canonicalRegion;
          list.add(Render.offer(o, canonical));
        }
        json.put("offers", list);
        json.put("matched", matched);
        json.put("providers", answer.providers().stream()
            .map(r -> Render.providerResult(r, r.ok() ? filter.apply(answerOf(r)).size() : null)).toList());
        json.put("skipped", s.skipped());
        Render.json(env.out(), json);
      } else if (offers.isEmpty()) {
        env.err().println("offers: no offer matches");
      } else {
        Render.offersTable(offers, f.market()).print(env.out());
        if (limit != null && matched > limit) {
          env.err().println("offers: " + matched + " match; the first " + limit + " shown");
        }
      }
      env.err().flush();
      int failed = answer.failures().size();
      return ExitCode.of(answer.providers().size() - failed, failed);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Offer> answerOf(ProviderResult<?> r) {
    return (List<Offer>) r.value();
  }

  static String skipped(Session s) {
    return s.skipped().isEmpty() ? "" : " (not configured, skipped: " + String.join(", ", s.skipped()) + ")";
  }
}
