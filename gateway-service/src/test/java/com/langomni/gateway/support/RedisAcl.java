package com.langomni.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The test Redis reached over plain RESP (no client of the application under test): creates the deployment's gateway
 * ACL user there, and runs single commands as any user. The ACL rules are read from the Kubernetes manifest
 * (deploy-checks holds docker-compose.yml to the same rules), so this tests the rules that get deployed.
 */
public final class RedisAcl {

    private static final Path MANIFEST = Path.of("../deploy/k8s/base/stores/redis.yaml");

    private RedisAcl() {
    }

    /** The test Redis as the tests' own config names it (_TEST_QUARKUS_REDIS_HOSTS, else %test.quarkus.redis.hosts). */
    public static URI testRedis() {
        String hosts = System.getenv("_TEST_QUARKUS_REDIS_HOSTS");
        if (hosts == null || hosts.isBlank()) {
            Properties properties = new Properties();
            try (InputStream in = RedisAcl.class.getClassLoader().getResourceAsStream("application.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hosts = properties.getProperty("%test.quarkus.redis.hosts");
        }
        return URI.create(hosts.split(",")[0].trim());
    }

    /** The gateway user's rules after {@code --user gateway on >password} in deploy/k8s/base/stores/redis.yaml. */
    public static List<String> gatewayRules() {
        List<String> args = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(MANIFEST)) {
                String item = line.strip();
                if (item.startsWith("- ") && !item.contains(":") || item.startsWith("- \"")) {
                    args.add(item.substring(2).replaceAll("^\"|\"$", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = args.indexOf("gateway");
        if (at < 1 || !"--user".equals(args.get(at - 1))) {
            throw new IllegalStateException("no --user gateway in " + MANIFEST + ": " + args);
        }
        List<String> rules = new ArrayList<>();
        for (int i = at + 3; i < args.size() && !args.get(i).startsWith("--"); i++) { // after "on" and ">password"
            rules.add(args.get(i));
        }
        return rules;
    }

    /** Runs one command, authenticated as {@code user} when it is not null; the reply's first line. */
    public static String run(URI redis, String user, String password, String... command) {
        try (Socket socket = new Socket(redis.getHost(), redis.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (user != null) {
                String auth = send(out, in, "AUTH", user, password);
                if (!auth.equals("+OK")) {
                    return auth;
                }
            }
            return send(out, in, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one command as the default user and returns its bulk-string reply (ASCII, e.g. CLIENT LIST). */
    public static String bulk(URI redis, String... command) {
        try (Socket socket = new Socket(redis.getHost(), redis.getPort())) {
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String header = send(socket.getOutputStream(), in, command);
            if (!header.startsWith("$")) {
                throw new IllegalStateException(String.join(" ", command) + " answered " + header);
            }
            char[] body = new char[Integer.parseInt(header.substring(1))];
            for (int read = 0; read < body.length; ) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    throw new IOException("connection closed");
                }
                read += n;
            }
            return new String(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String send(OutputStream out, BufferedReader in, String... command) throws IOException {
        StringBuilder resp = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return in.readLine();
    }
}
