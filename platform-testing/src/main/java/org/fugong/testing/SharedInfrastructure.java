package org.fugong.testing;

import java.util.Optional;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;

/**
 * One embedded PostgreSQL and one in-process Kafka broker per test JVM, started on first use and
 * stopped when the JVM exits. Either is skipped when its external address is configured through
 * {@code FUGONG_DB_URL} or {@code KAFKA_BOOTSTRAP_SERVERS}.
 */
public final class SharedInfrastructure {

    private static EmbeddedDatabase database;
    private static EmbeddedKafka kafka;

    private SharedInfrastructure() {
    }

    /** The external database URL, when one is configured. */
    public static Optional<String> externalDatabaseUrl() {
        return env("FUGONG_DB_URL");
    }

    /** The external broker, when one is configured. */
    public static Optional<String> externalKafka() {
        return env("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** JDBC URL of the named database: on the external server if configured, else embedded. */
    public static synchronized String databaseUrl(String name) {
        Optional<String> external = externalDatabaseUrl();
        if (external.isPresent()) {
            return external.get();
        }
        if (database == null) {
            database = EmbeddedDatabase.temporary();
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        }
        return database.database(name);
    }

    public static String databaseUser() {
        return env("FUGONG_DB_USER").orElse(EmbeddedDatabase.USER);
    }

    public static String databasePassword() {
        return env("FUGONG_DB_PASSWORD").orElse("");
    }

    /** Bootstrap servers: the external broker if configured, else the embedded one (started). */
    public static synchronized String kafkaBootstrapServers() {
        Optional<String> external = externalKafka();
        if (external.isPresent()) {
            return external.get();
        }
        embeddedKafka().start();
        return kafka.bootstrapServers();
    }

    /**
     * The embedded broker, for tests that stop and restart it. Absent when an external broker is
     * configured: such tests cannot run then and say so.
     */
    public static synchronized Optional<EmbeddedKafka> controllableKafka() {
        if (externalKafka().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(embeddedKafka());
    }

    /**
     * The embedded database server, for tests that pause it. Absent when an external database is
     * configured, or before the first {@link #databaseUrl(String)} started it.
     */
    public static synchronized Optional<EmbeddedDatabase> controllableDatabase() {
        if (externalDatabaseUrl().isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(database);
    }

    private static EmbeddedKafka embeddedKafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.temporary();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
        }
        return kafka;
    }

    private static Optional<String> env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
