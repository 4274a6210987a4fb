package dev.providerapi.ops;

import dev.providerapi.Provider;
import dev.providerapi.broker.LaunchLedger;
import dev.providerapi.broker.LaunchRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which provider an instance id belongs to: the one {@code --provider} names, else the one the ledger recorded it
 * under, else the only provider in use; otherwise the command stops and asks for {@code --provider}.
 */
final class Targets {
  record Target(Provider provider, String instanceId, List<LaunchRecord> records) {}

  private Targets() {}

  static Target resolve(Session s, GlobalOptions global, String instanceId) {
    LaunchLedger ledger = s.ledger();
    List<LaunchRecord> rows = ledger.all().stream().filter(r -> instanceId.equals(r.instanceId())).toList();
    String name;
    if (global.providers.size() == 1) {
      name = global.providers.get(0).strip().toLowerCase(java.util.Locale.ROOT);
    } else if (global.providers.size() > 1) {
      throw new UsageException("name one provider with --provider for instance " + instanceId + ", not "
          + global.providers.size());
    } else {
      List<String> recorded = rows.stream().map(LaunchRecord::provider).distinct().toList();
      if (recorded.size() == 1) {
        name = recorded.get(0);
      } else if (recorded.size() > 1) {
        throw new UsageException("instance id " + instanceId + " is in the ledger under " + recorded
            + "; say which with --provider");
      } else if (s.fleet().providers().size() == 1) {
        name = s.fleet().providers().get(0).name();
      } else {
        throw new UsageException("instance " + instanceId + " is not in the ledger; say which provider it is on with"
            + " --provider (in use: " + s.fleet().providers().stream().map(Provider::name).toList() + ")");
      }
    }
    Provider p = s.provider(name);
    List<LaunchRecord> mine = rows.stream().filter(r -> r.provider().equals(p.name())).toList();
    return new Target(p, instanceId, mine);
  }

  /**
   * The instances a client token launched: the ledger's instance ids, else the providers' own lookup by token
   * (a launch whose ledger row never learnt its instance).
   */
  static List<Target> byClientToken(Session s, String token) {
    List<LaunchRecord> rows = s.ledger().find(token);
    if (rows.isEmpty()) {
      throw new UsageException("client token " + token + " is not in the ledger " + s.ledgerName());
    }
    List<Target> out = new ArrayList<>();
    for (String provider : rows.stream().map(LaunchRecord::provider).distinct().toList()) {
      Provider p = s.provider(provider);
      List<LaunchRecord> mine = rows.stream().filter(r -> r.provider().equals(provider)).toList();
      List<String> ids = mine.stream().map(LaunchRecord::instanceId).filter(Objects::nonNull).distinct().toList();
      if (ids.isEmpty()) {
        ids = p.findByClientToken(token).stream().map(i -> i.id()).distinct().toList();
      }
      for (String id : ids) {
        out.add(new Target(p, id, mine));
      }
    }
    if (out.isEmpty()) {
      throw new UsageException("client token " + token + " launched no instance that the ledger or "
          + rows.stream().map(LaunchRecord::provider).distinct().collect(Collectors.joining(", ")) + " knows of");
    }
    return out;
  }
}
