package dev.providerapi.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The ledger in a SQL database through JDBC: an embedded SQLite file by default ({@link #openDefault()}), or
 * PostgreSQL shared by several broker replicas ({@link #open(String, Properties)}). Both use the same schema,
 * created and upgraded by the plain versioned SQL files under {@code dev/providerapi/broker/ledger/}
 * ({@code V1__launches.sql}, ...); table {@code ledger_schema} records which were applied.
 *
 * <p>Every operation opens its own connection, so one ledger is safe to share between threads, and several
 * processes can write one SQLite file (waiting on its lock up to 10 s) or one PostgreSQL database.
 */
public final class JdbcLaunchLedger implements LaunchLedger {
  /** The migrations, in order; each runs once, in a transaction of its own. */
  static final List<String> MIGRATIONS = List.of("V1__launches.sql");

  private static final String COLUMNS =
      "client_token, attempt, provider, offer_id, request, state, instance_id, error, created_at, updated_at";

  private final String url;
  private final Properties properties;
  private final String displayName;
  private final Clock clock;

  private JdbcLaunchLedger(String url, Properties properties, Clock clock) {
    this.url = url;
    this.properties = properties;
    this.displayName = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    this.clock = clock;
    migrate();
  }

  /**
   * The SQLite ledger under the user's data directory ({@link #defaultPath()}).
   *
   * @return the ledger, its schema up to date
   * @throws LedgerException when the folder cannot be made or the database cannot be opened or migrated
   */
  public static JdbcLaunchLedger openDefault() {
    return sqlite(defaultPath());
  }

  /**
   * A SQLite ledger in {@code file}; its folder is made when missing.
   *
   * @param file the database file, created when missing
   * @return the ledger, its schema up to date
   * @throws LedgerException when the folder cannot be made or the database cannot be opened or migrated
   */
  public static JdbcLaunchLedger sqlite(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new LedgerException("cannot make the ledger's folder for " + file, e);
    }
    Properties p = new Properties();
    p.setProperty("busy_timeout", "10000");
    p.setProperty("journal_mode", "WAL");
    return new JdbcLaunchLedger("jdbc:sqlite:" + file.toAbsolutePath(), p, Clock.systemUTC());
  }

  /**
   * A ledger at {@code jdbcUrl} ({@code jdbc:postgresql://...} or {@code jdbc:sqlite:...}).
   *
   * @param jdbcUrl the database's JDBC URL
   * @param properties the connection properties (user, password, ...), copied
   * @return the ledger, its schema up to date
   * @throws LedgerException when the database cannot be reached or migrated
   */
  public static JdbcLaunchLedger open(String jdbcUrl, Properties properties) {
    return open(jdbcUrl, properties, Clock.systemUTC());
  }

  static JdbcLaunchLedger open(String jdbcUrl, Properties properties, Clock clock) {
    Properties copy = new Properties();
    copy.putAll(properties);
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      copy.putIfAbsent("busy_timeout", "10000");
    }
    return new JdbcLaunchLedger(jdbcUrl, copy, clock);
  }

  /**
   * The user's data directory for provider-api: {@code $XDG_DATA_HOME/provider-api}, else
   * {@code ~/Library/Application Support/provider-api} on macOS, {@code %LOCALAPPDATA%\provider-api} on
   * Windows, {@code ~/.local/share/provider-api} elsewhere; the ledger is {@code ledger.db} in it.
   *
   * @return the path of {@code ledger.db} in that folder; neither is created
   */
  public static Path defaultPath() {
    return dataDir(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"))
        .resolve("ledger.db");
  }

  static Path dataDir(Map<String, String> env, String osName, String home) {
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "provider-api");
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Application Support", "provider-api");
    }
    if (os.contains("win") && env.get("LOCALAPPDATA") != null) {
      return Path.of(env.get("LOCALAPPDATA"), "provider-api");
    }
    return Path.of(home, ".local", "share", "provider-api");
  }

  /**
   * The JDBC URL with any password masked.
   *
   * @return the URL, {@code password=} values shown as {@code ***}
   */
  public String displayName() {
    return displayName;
  }

  @Override
  public String toString() {
    return "JdbcLaunchLedger[" + displayName + "]";
  }

  /**
   * The schema version applied (the highest migration number).
   *
   * @return the version, 0 when no migration is recorded
   * @throws LedgerException when the database cannot be read
   */
  public int schemaVersion() {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM ledger_schema")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw new LedgerException("cannot read the schema version of " + displayName, e);
    }
  }

  @Override
  public void pending(LaunchRecord r) {
    String sql = "INSERT INTO launches (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, r.clientToken());
      ps.setInt(2, r.attempt());
      ps.setString(3, r.provider());
      ps.setString(4, r.offerId());
      ps.setString(5, r.request());
      ps.setString(6, r.state().name());
      ps.setString(7, r.instanceId());
      ps.setString(8, r.error());
      ps.setLong(9, r.createdAt().toEpochMilli());
      ps.setLong(10, r.updatedAt().toEpochMilli());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new LedgerException("cannot record launch " + r.clientToken() + " attempt " + r.attempt() + " in "
          + displayName + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void resolve(String clientToken, int attempt, LaunchState state, @Nullable String instanceId,
      @Nullable String error) {
    String sql = "UPDATE launches SET state = ?, instance_id = COALESCE(?, instance_id), error = ?, updated_at = ?"
        + " WHERE client_token = ? AND attempt = ?";
    int rows;
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, state.name());
      ps.setString(2, instanceId);
      ps.setString(3, error);
      ps.setLong(4, clock.millis());
      ps.setString(5, clientToken);
      ps.setInt(6, attempt);
      rows = ps.executeUpdate();
    } catch (SQLException e) {
      throw new LedgerException("cannot update launch " + clientToken + " attempt " + attempt + " in "
          + displayName + ": " + e.getMessage(), e);
    }
    if (rows != 1) {
      throw new LedgerException("launch " + clientToken + " attempt " + attempt + " is not in " + displayName);
    }
  }

  @Override
  public List<LaunchRecord> find(String clientToken) {
    return query("SELECT " + COLUMNS + " FROM launches WHERE client_token = ? ORDER BY attempt", clientToken);
  }

  @Override
  public List<LaunchRecord> all() {
    return query("SELECT " + COLUMNS + " FROM launches ORDER BY created_at, client_token, attempt");
  }

  @Override
  public List<LaunchRecord> inState(LaunchState... states) {
    if (states.length == 0) {
      return List.of();
    }
    String marks = Arrays.stream(states).map(s -> "?").collect(Collectors.joining(", "));
    return query("SELECT " + COLUMNS + " FROM launches WHERE state IN (" + marks + ")"
        + " ORDER BY created_at, client_token, attempt", Arrays.stream(states).map(Enum::name).toArray());
  }

  @Override
  public void close() {
    // every operation closes its own connection
  }

  private List<LaunchRecord> query(String sql, Object... args) {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<LaunchRecord> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new LaunchRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
              rs.getString(5), LaunchState.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
              Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10))));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new LedgerException("cannot read " + displayName + ": " + e.getMessage(), e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  /**
   * Applies the migrations not yet applied. On PostgreSQL the replicas take turns under a session advisory lock
   * ({@link #MIGRATION_LOCK}): without it, two replicas creating the schema at once can fail inside PostgreSQL's
   * catalog ("type ledger_schema already exists"), which no {@code IF NOT EXISTS} prevents. SQLite serializes
   * writers on its file lock; a replica that still loses a race re-reads and goes on.
   */
  private void migrate() {
    try (Connection c = connect()) {
      boolean locked = lockForMigration(c);
      try {
        applyMigrations(c);
      } finally {
        if (locked) {
          try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
          }
        }
      }
    } catch (SQLException e) {
      throw new LedgerException("cannot open the ledger " + displayName + ": " + e.getMessage(), e);
    }
  }

  /** The PostgreSQL advisory lock key the replicas migrate under ("provider-api ledger" in ASCII, truncated). */
  static final long MIGRATION_LOCK = 0x7072_6F76_6C65_6467L;

  private boolean lockForMigration(Connection c) throws SQLException {
    if (!url.startsWith("jdbc:postgresql:")) {
      return false;
    }
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
    }
    return true;
  }

  private void applyMigrations(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS ledger_schema (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL,"
          + " applied_at BIGINT NOT NULL)");
    } catch (SQLException e) {
      if (!isDuplicate(e)) { // two PostgreSQL replicas racing on CREATE TABLE IF NOT EXISTS
        throw e;
      }
    }
    for (int i = 0; i < MIGRATIONS.size(); i++) {
      int version = i + 1;
      String name = MIGRATIONS.get(i);
      if (applied(c, version)) {
        continue;
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String statement : statements(read(name))) {
          s.execute(statement);
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO ledger_schema (version, name, applied_at) VALUES (?, ?, ?)")) {
          ps.setInt(1, version);
          ps.setString(2, name);
          ps.setLong(3, clock.millis());
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        if (!applied(c, version)) {
          throw e;
        }
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static boolean isDuplicate(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("23505") || state.equals("42P07"));
  }

  private static boolean applied(Connection c, int version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ledger_schema WHERE version = ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String read(String name) {
    String path = "ledger/" + name;
    try (InputStream in = JdbcLaunchLedger.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new LedgerException("migration " + path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LedgerException("cannot read migration " + path, e);
    }
  }

  /** The file's statements: split on ';' at line ends, with '--' comment lines dropped. */
  static List<String> statements(String sql) {
    String body = sql.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
    List<String> out = new ArrayList<>();
    for (String part : body.split(";\\s*(\\n|$)")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }
}
