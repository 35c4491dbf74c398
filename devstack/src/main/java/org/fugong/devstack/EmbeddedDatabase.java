package org.fugong.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (io.zonky embedded binaries) started from this JVM. One server holds a
 * database per service, created on demand.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean deleteOnClose;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, boolean deleteOnClose) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * A server on a free port with a throw-away data directory, for tests: with io.zonky's defaults,
     * fsync and synchronous_commit off (a crash loses nothing a test needs).
     */
    public static EmbeddedDatabase temporary() {
        return temporary(false);
    }

    /** A throw-away server; {@code durable} turns fsync and synchronous_commit on (benchmarks measure both ways). */
    public static EmbeddedDatabase temporary(boolean durable) {
        return temporary(durable, Map.of());
    }

    /** As {@link #temporary(boolean)}, with more server settings (a benchmark's {@code track_commit_timestamp}). */
    public static EmbeddedDatabase temporary(boolean durable, Map<String, String> settings) {
        try {
            Path dir = Files.createTempDirectory("fugong-pg");
            return new EmbeddedDatabase(start(dir, FreePorts.next(), true, durable, settings), dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server whose data survives restarts and crashes, for the local run command: fsync and
     * synchronous_commit on, as PostgreSQL ships them (io.zonky turns both off for tests).
     */
    public static EmbeddedDatabase persistent(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedDatabase(start(dataDir, port, false, true, Map.of()), dataDir, false);
    }

    private static EmbeddedPostgres start(Path dir, int port, boolean clean, boolean durable, Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "200");
            if (durable) {
                // io.zonky passes -F (fsync off) first; a later -c fsync=on on the command line wins.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            settings.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The server's main process (PostgreSQL detaches it from ours): its first line of postmaster.pid. */
    public ProcessHandle server() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL " + pid + " is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dataDir.resolve("postmaster.pid"), e);
        }
    }

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    public synchronized String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    /** A server setting as the running server reports it ({@code SHOW name}). */
    public String setting(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a setting name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read setting " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (deleteOnClose) {
                Directories.deleteRecursively(dataDir);
            }
        }
    }
}
