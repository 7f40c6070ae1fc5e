package org.isrcregistry.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.0 over a plain socket from a chosen loopback address (127.x.y.z), so a test is a client of its own to the
 * registry's per-client limits while every other test keeps 127.0.0.1. (The JDK's HTTP client cannot choose its local
 * address before Java 19.)
 */
final class LoopbackClient {

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger((int) (System.nanoTime() % 50_000));

    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final InetAddress client;
    private final int port;

    private LoopbackClient(InetAddress client, int port) {
        this.client = client;
        this.port = port;
    }

    /** A client with a loopback address no other client of this JVM has. */
    static LoopbackClient newClient(int port) {
        int n = NEXT_CLIENT.getAndIncrement() % 60_000 + 256;
        try {
            return new LoopbackClient(InetAddress.getByAddress(new byte[] {127, (byte) (n >> 8), (byte) n, 2}), port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return client.getHostAddress();
    }

    public Response send(String method, String path, String authorization, String json) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, client, 0)) {
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (json != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
    }
}
