package dev.providerapi.sandbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on 127.0.0.1 written on plain sockets, because the faults need what an HTTP server
 * library hides: closing or resetting after the request, sending headers and half a body and then stalling, a
 * Content-Length that promises more than comes. One request per connection ({@code Connection: close}).
 */
final class LoopbackServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoopbackServer.class);
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  /** Handles one request; writes its answer (or breaks the connection) itself. */
  interface Handler {
    void handle(SandboxRequest request, Connection connection) throws IOException;
  }

  /** The connection a handler answers on. */
  static final class Connection {
    private final Socket socket;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    void send(SandboxResponse response) throws IOException {
      writeHead(response, response.body().length);
      out.write(response.body());
      out.flush();
    }

    /** Status, headers (with the full Content-Length) and the first {@code bytes} of the body. */
    void sendPartial(SandboxResponse response, int bytes) throws IOException {
      writeHead(response, response.body().length);
      out.write(response.body(), 0, Math.min(bytes, response.body().length));
      out.flush();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }

    /** RST instead of FIN. */
    void reset() {
      try {
        socket.setSoLinger(true, 0);
      } catch (SocketException ignored) {
        // close below still ends the connection
      }
      close();
    }

    boolean isClosed() {
      return socket.isClosed();
    }

    private void writeHead(SandboxResponse response, int length) throws IOException {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
          .append(reason(response.status())).append("\r\n");
      response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: ").append(length).append("\r\n");
      head.append("Connection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private final ServerSocket server;
  private final Handler handler;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sandbox-http");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  LoopbackServer(int port, Handler handler) throws IOException {
    this.server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
    this.handler = handler;
    Thread acceptor = new Thread(this::acceptLoop, "sandbox-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        workers.execute(() -> serve(socket));
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("sandbox: accept failed: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(30_000);
      SandboxRequest request = read(new BufferedInputStream(socket.getInputStream()));
      if (request == null) {
        return;
      }
      handler.handle(request, new Connection(socket));
    } catch (IOException e) {
      LOG.debug("sandbox: connection ended: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.error("sandbox: handler failed", e);
    } finally {
      open.remove(socket);
    }
  }

  private static SandboxRequest read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length < 2) {
      throw new IOException("bad request line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    int total = 0;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      total += h.length();
      if (total > MAX_HEADER_BYTES) {
        throw new IOException("headers too large");
      }
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
    }
    byte[] body;
    String length = headers.get("content-length");
    if (length != null) {
      int n = Integer.parseInt(length);
      if (n > MAX_BODY_BYTES) {
        throw new IOException("body too large");
      }
      body = in.readNBytes(n);
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream chunks = new ByteArrayOutputStream();
      for (int n = Integer.parseInt(line(in).split(";")[0].trim(), 16); n > 0;
          n = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        chunks.write(in.readNBytes(n));
        line(in);
      }
      line(in);
      body = chunks.toByteArray();
    } else {
      body = new byte[0];
    }
    String target = parts[1];
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    return new SandboxRequest(parts[0], path, SandboxRequest.parseQuery(q < 0 ? null : target.substring(q + 1)),
        headers, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        buf.write(c);
      }
      if (buf.size() > MAX_HEADER_BYTES) {
        throw new IOException("line too long");
      }
    }
    if (c == -1 && buf.size() == 0) {
      return null;
    }
    return buf.toString(StandardCharsets.ISO_8859_1);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(s -> {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    });
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
