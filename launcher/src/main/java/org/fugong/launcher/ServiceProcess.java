package org.fugong.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.KeyPairs;
import org.fugong.devstack.EmbeddedKafka;

/** One service, run from its Quarkus fast-jar as a child process with its log in a file. */
public final class ServiceProcess {

    /**
     * Variables every service process gets (the Dockerfiles set the same; a service's own environment
     * may override them): glibc's malloc at two arenas, not eight per core, which left tens of
     * megabytes of native memory reserved by threads that malloc once (docs/benchmarks.md, "Start-up
     * and memory": the registry's RSS after a minute of load 279 → 260 MB, throughput within 1 %).
     */
    public static final Map<String, String> PROCESS_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    /** Flags set for a benchmark; {@code null}: the run command's for {@link #jdk}, decided at each start. */
    private List<String> jvmOptions;
    private Map<String, String> benchmarkEnvironment = Map.of();
    private ServiceJdk jdk = ServiceJdk.chosen();
    private List<String> started = List.of();
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.log = log;
    }

    /**
     * The flags the run command starts a service with on JDK 17, given its fast-jar directory
     * {@code appDir}; the Dockerfiles' {@code JAVA_OPTS_APPEND} sets the same. Why each, and what they did, is in
     * docs/benchmarks.md ("Start-up and memory").
     * <ul>
     * <li>Serial GC and a heap that starts small: a service holds little between requests, and G1's
     * regions and remembered sets cost tens of megabytes of their own.</li>
     * <li>Metaspace and code cache capped, 512 KB thread stacks, two compiler threads: most of a
     * Quarkus service's footprint is the JVM's own memory, not its heap.</li>
     * <li>{@code -XX:SharedArchiveFile}: the class-data archive Quarkus writes at build time
     * ({@code quarkus.package.jar.appcds.enabled}), when there is one. It names the jar by the relative
     * path it was made with, so the service runs from its fast-jar directory. {@code -Xshare:auto}
     * ignores an archive another JDK made, rather than failing.</li>
     * </ul>
     */
    public static List<String> jvmOptions(Path appDir) {
        List<String> options = new ArrayList<>(COMMON_OPTIONS);
        options.addAll(archiveOptions(appDir));
        return options;
    }

    /**
     * The flags on the JDK the service runs on ({@link ServiceJdk#chosen}): those of {@link #jvmOptions(Path)}
     * on JDK 17; from JDK 25 on, the same without the archive (JDK 17's), with the AOT cache instead.
     */
    private static List<String> jvmOptions(Path appDir, ServiceJdk jdk) {
        return jdk.options(appDir, COMMON_OPTIONS, archiveOptions(appDir));
    }

    private static final List<String> COMMON_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx160m",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:CICompilerCount=2");

    private static List<String> archiveOptions(Path appDir) {
        return Files.isRegularFile(appDir.resolve("app-cds.jsa"))
                ? List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto")
                : List.of();
    }

    /** The JDK it runs on. */
    public ServiceJdk jdk() {
        return jdk;
    }

    /** Whether its last start trains an AOT cache, which it writes when it stops. */
    public boolean trainsAotCache() {
        return ServiceJdk.trains(started);
    }

    /** Starts the next run of this service with these JVM flags instead (to compare flags in one benchmark run). */
    public void useJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
    }

    /** Starts the next run with these variables too (to compare, say, glibc's malloc settings in one benchmark run). */
    public void useExtraEnvironment(Map<String, String> variables) {
        this.benchmarkEnvironment = Map.copyOf(variables);
    }

    /** Starts the next run on the JDK at {@code home} instead of this JVM's (to compare JDKs in one benchmark run). */
    public void useJava(Path home) {
        this.jdk = ServiceJdk.at(home);
    }

    /**
     * A service on the embedded database and broker, trusting tokens signed with the key in
     * {@code jwtDir} by {@code issuer}. Its fast-jar is {@code <root>/<name>/target/quarkus-app}.
     */
    public static ServiceProcess onEmbeddedInfrastructure(String name, String database, Path root, int port,
            EmbeddedDatabase db, EmbeddedKafka kafka, Path jwtDir, String issuer, Path log,
            Map<String, String> extraEnvironment) {
        return onEmbeddedInfrastructure(name, database, root, port, db, kafka.bootstrapServers(), jwtDir, issuer, log,
                extraEnvironment);
    }

    /** As above, on the broker at {@code kafkaBootstrapServers}. */
    public static ServiceProcess onEmbeddedInfrastructure(String name, String database, Path root, int port,
            EmbeddedDatabase db, String kafkaBootstrapServers, Path jwtDir, String issuer, Path log,
            Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "FUGONG_DB_URL", db.database(database),
                "FUGONG_DB_USER", EmbeddedDatabase.USER,
                "FUGONG_DB_PASSWORD", "",
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", KeyPairs.publicKeyFile(jwtDir).toUri().toString(),
                "FUGONG_JWT_ISSUER", issuer,
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
        environment.putAll(extraEnvironment);
        return new ServiceProcess(name, root.resolve(name + "/target/quarkus-app/quarkus-run.jar"), port, environment,
                log);
    }

    public String name() {
        return name;
    }

    /** The running process, for measuring it (CPU time); empty before start. */
    public java.util.Optional<ProcessHandle> handle() {
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.toHandle());
    }

    /** The file its standard output and error go to. */
    public Path log() {
        return log;
    }

    /**
     * The last {@code lines} lines of its log, headed by its name: what to print when it did not
     * come up or a test against it failed. Never throws (a missing or unreadable log says so).
     */
    public String logTail(int lines) {
        StringBuilder tail = new StringBuilder("---- last " + lines + " lines of " + log + " ----\n");
        try (java.util.stream.Stream<String> all = Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            java.util.ArrayDeque<String> last = new java.util.ArrayDeque<>(lines);
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
            last.forEach(line -> tail.append(line).append('\n'));
        } catch (IOException | java.io.UncheckedIOException e) {
            tail.append("(cannot read it: ").append(e.getMessage()).append(")\n");
        }
        return tail.toString();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void start() throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -B install -DskipTests");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        started = jvmOptions != null ? jvmOptions : jvmOptions(jar.getParent(), jdk);
        command.addAll(started);
        command.add("-jar");
        command.add(jar.getFileName().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(PROCESS_ENVIRONMENT);
        builder.environment().putAll(environment);
        builder.environment().putAll(benchmarkEnvironment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        process = builder.start();
    }

    /** Polls the readiness endpoint until it answers 200, the process dies, or the deadline passes. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        do { // at least once: a service that came up while others were awaited is ready with no time left
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Asks it to end, and kills it after 15 s, or after 3 minutes if it is writing its AOT cache. */
    public void stop() {
        stop(trainsAotCache() ? Duration.ofMinutes(3) : Duration.ofSeconds(15));
    }

    /** Asks it to end (SIGTERM), and kills it if it has not ended within {@code grace}. */
    private void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
