package org.fugong.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running in this
 * JVM. It keeps its ports and log directory across {@link #stop()} and {@link #start()}, so tests
 * can take the broker away and bring it back with the data it had.
 * <p>
 * Plaintext and open to everyone by default; given a {@link KafkaSecurity}, secured as the
 * deployment's broker is ({@code deploy/kafka/security.properties}): clients log in with
 * SCRAM-SHA-512, whose users are written at format time, and the StandardAuthorizer allows only
 * the grants of {@code deploy/kafka/acls.txt}, applied at every start.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String SECURITY_PROPERTIES = "kafka/security.properties";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private final boolean deleteOnClose;
    private final KafkaSecurity security;
    private boolean formatted;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, int brokerPort, int controllerPort, boolean deleteOnClose,
            KafkaSecurity security) {
        this.logDir = logDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.deleteOnClose = deleteOnClose;
        this.security = security;
    }

    /** A plaintext broker on free ports with a temporary log directory that is deleted on {@link #close()}. */
    public static EmbeddedKafka temporary() {
        return temporary(null);
    }

    /** As {@link #temporary()}, secured with these logins and acls.txt's grants ({@code null}: plaintext). */
    public static EmbeddedKafka temporary(KafkaSecurity security) {
        try {
            return new EmbeddedKafka(Files.createTempDirectory("fugong-kafka"), freePort(), freePort(), true, security);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plaintext broker with a kept log directory, for the local run command. */
    public static EmbeddedKafka persistent(Path logDir, int brokerPort) {
        return persistent(logDir, brokerPort, null);
    }

    /**
     * As {@link #persistent(Path, int)}, secured ({@code null}: plaintext). Keep the passwords with
     * the log directory ({@link KafkaSecurity#kept(Path)}): its users were made with them.
     */
    public static EmbeddedKafka persistent(Path logDir, int brokerPort, KafkaSecurity security) {
        return new EmbeddedKafka(logDir, brokerPort, freePort(), false, security);
    }

    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        formatOnce();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        if (security != null) {
            secure();
        }
        return this;
    }

    /** The logins and grants, when the broker is secured. */
    public Optional<KafkaSecurity> security() {
        return Optional.ofNullable(security);
    }

    /**
     * What a client needs to reach the broker as {@code principal}: the bootstrap servers and, on a
     * secured broker, the principal's login (on a plaintext one every client is anonymous).
     */
    public Map<String, Object> clientSettings(String principal) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers());
        if (security != null) {
            settings.putAll(security.clientSettings(principal));
        }
        return settings;
    }

    /**
     * Users added to acls.txt since a kept log directory was formatted get their login, then the
     * broker's ACLs become acls.txt's, logged in as the admin super user.
     */
    private void secure() {
        try (Admin admin = Admin.create(clientSettings(KafkaSecurity.ADMIN))) {
            Set<String> known = admin.describeUserScramCredentials().all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).keySet();
            List<UserScramCredentialAlteration> missing = security.users().stream()
                    .filter(user -> !known.contains(user))
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), security.password(user)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.alterUserScramCredentials(missing).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            KafkaAcls.bundled().applyTo(admin, ADMIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while securing the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not log in to the broker as " + KafkaSecurity.ADMIN + " (" + e.getMessage()
                    + "): if its passwords file was lost, delete " + logDir + " and start again", e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            Directories.deleteRecursively(logDir);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        if (security == null) {
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        } else {
            p.putAll(bundledSecurityProperties());
            p.put("listeners", "CLIENT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "CLIENT://127.0.0.1:" + brokerPort);
            // The broker's own connections to itself over CLIENT log in as admin.
            p.put("listener.name.client.scram-sha-512.sasl.jaas.config", security.jaasConfig(KafkaSecurity.ADMIN));
        }
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private static Properties bundledSecurityProperties() {
        Properties p = new Properties();
        try (InputStream in = EmbeddedKafka.class.getResourceAsStream(SECURITY_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(SECURITY_PROPERTIES + " is missing from the devstack jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private void formatOnce() {
        if (formatted || Files.exists(logDir.resolve("meta.properties"))) {
            formatted = true; // a kept log directory from an earlier run
            return;
        }
        try {
            Formatter formatter = new Formatter();
            if (security != null) {
                formatter.setScramArguments(security.scramArguments());
            }
            formatter
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(Optional.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setIgnoreFormatted(true)
                    .run();
            formatted = true;
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDir, e);
        }
    }

    static int freePort() {
        return FreePorts.next();
    }
}
