package com.langomni.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (initdb in a fresh directory, its own port), so that a fault drill may
 * crash and restart it without touching the instance other tests share. Binaries and the run-as-postgres rule
 * are those of scripts/infra.sh: PostgreSQL refuses to run as root.
 */
final class LocalPostgres implements AutoCloseable {
    static final String USER = "langomni";

    private final int port;
    private final Path data;
    private final Path bin;
    private final Path log;

    private LocalPostgres(int port, Path data, Path bin, Path log) {
        this.port = port;
        this.data = data;
        this.bin = bin;
        this.log = log;
    }

    /** A new, empty cluster in {@code dir} (wiped first), not started. */
    static LocalPostgres create(Path dir, int port) throws IOException, InterruptedException {
        Path bin = binaries();
        Path data = dataDir(dir);
        stopLeftover(bin, data);
        Platform.deleteTree(data);
        Files.createDirectories(data);
        if (asRoot()) {
            UserPrincipal postgres = data.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(data, postgres);
        }
        LocalPostgres pg = new LocalPostgres(port, data, bin, data.resolve("server.log"));
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), 120);
        return pg;
    }

    int port() {
        return port;
    }

    /**
     * Starts the server and waits until it accepts connections (crash recovery included after {@link #crash()}).
     * Durability settings stay PostgreSQL's defaults: a drill's crash must lose nothing a commit acknowledged.
     */
    void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
                "start"), 90);
    }

    /** {@code pg_ctl stop -m immediate}: every backend dies at once, open transactions are lost, no checkpoint. */
    void crash() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), 60);
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("create database " + name);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), 60);
        }
    }

    private void run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        runAs(command, timeoutSeconds, log);
    }

    private static void runAs(List<String> command, int timeoutSeconds, Path log)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(Path.of("/").toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            String tail = log != null && Files.exists(log) ? Files.readString(log) : "";
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + new String(out, StandardCharsets.UTF_8) + tail.substring(Math.max(0, tail.length() - 2000)));
        }
    }

    /** A cluster left running by an interrupted run of the same checkout is stopped first. */
    private static void stopLeftover(Path bin, Path data) throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            runAs(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                    60, null);
        }
    }

    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql: "
                            + "run scripts/infra.sh start test once (it installs it)"));
        }
    }

    /**
     * As root the postgres user must reach the data directory; a checkout under a closed directory (/root) cannot
     * host it, so the cluster then lives under /tmp, one per checkout (as in scripts/infra.sh).
     */
    private static Path dataDir(Path wanted) throws IOException, InterruptedException {
        if (!asRoot()) {
            return wanted;
        }
        Files.createDirectories(wanted.getParent());
        Process probe = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-x",
                wanted.getParent().toString()).start();
        if (probe.waitFor() == 0) {
            return wanted;
        }
        return Path.of(System.getProperty("java.io.tmpdir"),
                "langomni-drills-pg-" + Integer.toHexString(wanted.toString().hashCode()));
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
