package org.fugong.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SCRAM-SHA-512 logins of a secured broker: one password per principal of
 * {@code deploy/kafka/acls.txt}, and {@value #ADMIN}'s (a super user: the broker's own inter-broker
 * login, and what the devstack applies the ACLs as). Hand it to
 * {@link EmbeddedKafka#temporary(KafkaSecurity)} or {@link EmbeddedKafka#persistent(Path, int, KafkaSecurity)};
 * a client then logs in with {@link #clientSettings(String)}, a service with {@link #environment(String)}.
 */
public final class KafkaSecurity {

    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** SASL without TLS: the devstack's broker is on the loopback address. */
    public static final String PROTOCOL = "SASL_PLAINTEXT";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private KafkaSecurity(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** Fresh random passwords, for a throw-away broker. */
    public static KafkaSecurity generated() {
        Map<String, String> passwords = new TreeMap<>();
        principals().forEach(p -> passwords.put(p, newPassword()));
        return new KafkaSecurity(passwords);
    }

    /**
     * Passwords kept in a properties file (owner-only), for a broker whose log directory is kept:
     * its users were created with these at format time. Principals missing from the file (the
     * first run, or one added to acls.txt since) get a new password, written back.
     */
    public static KafkaSecurity kept(Path file) {
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(in);
                }
            }
            Map<String, String> passwords = new TreeMap<>();
            boolean added = false;
            for (String principal : principals()) {
                String password = stored.getProperty(principal);
                if (password == null) {
                    password = newPassword();
                    added = true;
                }
                passwords.put(principal, password);
            }
            if (added) {
                store(file, passwords);
            }
            return new KafkaSecurity(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the Kafka passwords in " + file, e);
        }
    }

    private static void store(Path file, Map<String, String> passwords) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Properties out = new Properties();
        out.putAll(passwords);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.store(writer, "SCRAM-SHA-512 passwords of the local secured Kafka broker (./run.sh --secure)");
        }
    }

    private static Set<String> principals() {
        Set<String> principals = new TreeSet<>(KafkaAcls.bundled().principals());
        principals.add(ADMIN);
        return principals;
    }

    /** Hex: nothing the JAAS line or the storage formatter's {@code [name=..,password=..]} would need escaped. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public Set<String> users() {
        return new TreeSet<>(passwords.keySet());
    }

    public String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("No Kafka principal " + principal + "; known: " + users());
        }
        return password;
    }

    /** The JAAS line logging in as the principal. */
    public String jaasConfig(String principal) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password(principal) + "\";";
    }

    /** What a Kafka client adds to its bootstrap servers to log in as the principal. */
    public Map<String, Object> clientSettings(String principal) {
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", MECHANISM, "sasl.jaas.config",
                jaasConfig(principal));
    }

    /** The same as environment variables, which the services' configuration reads (docs/operations.md). */
    public Map<String, String> environment(String principal) {
        return Map.of("KAFKA_SECURITY_PROTOCOL", PROTOCOL, "KAFKA_SASL_MECHANISM", MECHANISM, "KAFKA_SASL_JAAS_CONFIG",
                jaasConfig(principal));
    }

    /** Every user for the storage formatter, which writes their salted credentials into the metadata. */
    List<String> scramArguments() {
        return passwords.entrySet().stream()
                .map(e -> MECHANISM + "=[name=" + e.getKey() + ",password=" + e.getValue() + "]").toList();
    }
}
