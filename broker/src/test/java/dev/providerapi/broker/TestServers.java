package dev.providerapi.broker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The loopback servers that {@code .ci/services.sh start} runs (and {@code .ci/run} starts before the build).
 * A test that needs one skips, naming the command, when it does not answer on this machine; under {@code .ci/run}
 * ({@link #REQUIRED}) it fails instead.
 */
final class TestServers {
  static final String PG_HOST = "127.0.0.1";
  static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("PROVIDER_API_PG_PORT", "55432"));
  static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("PROVIDER_API_REDIS_PORT", "56379"));
  static final String PG_URL = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/provider_api_test";

  private TestServers() {}

  static Properties pgProperties() {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("connectTimeout", "5");
    return p;
  }

  /**
   * Set by {@code .ci/run}, which starts the servers: there a server that does not answer fails the test instead of
   * skipping it, so CI cannot pass with the PostgreSQL and Redis tests silently not run.
   */
  static final boolean REQUIRED = System.getenv("PROVIDER_API_SERVICES_REQUIRED") != null;

  private static void require(boolean up, String message) {
    if (REQUIRED) {
      org.junit.jupiter.api.Assertions.assertTrue(up, message);
    } else {
      assumeTrue(up, message);
    }
  }

  static void assumePostgres() {
    require(answers(PG_PORT), "PostgreSQL is not up on " + PG_HOST + ":" + PG_PORT
        + "; run .ci/services.sh start (CI's .ci/run does)");
  }

  static void assumeRedis() {
    require(answers(REDIS_PORT), "Redis is not up on 127.0.0.1:" + REDIS_PORT
        + "; run .ci/services.sh start (CI's .ci/run does)");
  }

  /** A fresh schema of its own for one test, so tests never see each other's rows. */
  static String freshSchema(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_URL, pgProperties()); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      s.execute("CREATE SCHEMA " + name);
    }
    return PG_URL + "?currentSchema=" + name;
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
