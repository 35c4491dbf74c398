package org.fugong.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of a running JVM, taken with {@code jcmd} over one phase of load,
 * and its execution samples counted by the part of the request they were in. A sample belongs to
 * the part of its innermost frame that is of one: the JDK's own frames are skipped, so RSA
 * arithmetic under jose4j is JWT verification (P-256 arithmetic is logistics' pass codes), JSON
 * written by the outbox writer is JSON, a JDBC call under Hibernate is the driver's, and a
 * transactional method's own work is its own, not that of the transaction interceptor around it.
 * Where two parts match one frame, the first in the list below wins. Two edges: jose4j's own code
 * (base64, its header JSON) under logistics' signer counts as JWT verification, and classes that
 * Quarkus and Hibernate generate into {@code org.fugong} packages (a bean's {@code _Subclass} and
 * {@code _ClientProxy}, enhanced entity methods) count as service code when they are innermost.
 * Start the JVM with {@link #STACK_DEPTH}: Quarkus stacks are deeper than JFR's default 64 frames.
 *
 * <p>Until 2026-12-04 a sample went to the first part in this list with a frame anywhere in its
 * stack. That counted everything inside a {@code @Transactional} method that matched no earlier
 * part (Hibernate, service code) as Narayana's, and logistics' pass-code signing as JWT verification.
 */
final class JfrProfile {

    static final String STACK_DEPTH = "-XX:FlightRecorderOptions:stackdepth=256";

    private static final List<Map.Entry<String, String>> PARTS = List.of(
            Map.entry("JWT verification (smallrye-jwt, jose4j)", "org.jose4j.|io.smallrye.jwt."),
            Map.entry("pass codes (ES256 signing and checking)", "org.fugong.logistics.code.|sun.security.ec."),
            Map.entry("Bean Validation", "org.hibernate.validator."),
            Map.entry("JSON (Jackson)", "com.fasterxml.jackson."),
            Map.entry("PostgreSQL JDBC driver", "org.postgresql."),
            Map.entry("connection pool (Agroal)", "io.agroal."),
            Map.entry("transactions (Narayana)", "com.arjuna.|io.narayana.|io.quarkus.narayana."),
            Map.entry("Hibernate ORM", "org.hibernate."),
            Map.entry("Kafka producer", "org.apache.kafka."),
            Map.entry("outbox writer and relay", "org.fugong.platform.outbox."),
            Map.entry("idempotency", "org.fugong.platform.idempotency."),
            Map.entry("service code (org.fugong)", "org.fugong."),
            Map.entry("HTTP and REST (Vert.x, Netty, RESTEasy Reactive)", "io.vertx.|io.netty.|org.jboss.resteasy."),
            Map.entry("Quarkus, CDI, security", "io.quarkus.|io.smallrye."));
    static final String OTHER = "other (JDK, unattributed)";

    private final ProcessHandle jvm;
    private final Path file;

    private JfrProfile(ProcessHandle jvm, Path file) {
        this.jvm = jvm;
        this.file = file;
    }

    /** Starts a recording with the JDK's "profile" settings (execution samples every 10 ms per thread). */
    static JfrProfile start(ProcessHandle jvm, Path file) throws IOException, InterruptedException {
        jcmd(jvm, "JFR.start", "name=bench", "settings=profile");
        return new JfrProfile(jvm, file);
    }

    /** Stops the recording and counts its execution samples by part, largest first. */
    Map<String, Long> stop() throws IOException, InterruptedException {
        jcmd(jvm, "JFR.stop", "name=bench", "filename=" + file);
        Map<String, Long> counts = new LinkedHashMap<>();
        PARTS.forEach(part -> counts.put(part.getKey(), 0L));
        counts.put(OTHER, 0L);
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                counts.merge(partOf(event.getStackTrace().getFrames().stream()
                        .map(frame -> frame.getMethod().getType().getName()).toList()), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The part of a sample whose frames are of these classes, innermost first. */
    static String partOf(List<String> frameTypes) {
        for (String type : frameTypes) {
            for (Map.Entry<String, String> part : PARTS) {
                for (String prefix : part.getValue().split("\\|")) {
                    if (type.startsWith(prefix)) {
                        return part.getKey();
                    }
                }
            }
        }
        return OTHER;
    }

    private static void jcmd(ProcessHandle jvm, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(jvm.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
