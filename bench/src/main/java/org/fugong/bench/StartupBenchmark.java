package org.fugong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.fugong.devstack.DevJwt;
import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.devstack.KeyPairs;
import org.fugong.launcher.ServiceProcess;
import org.fugong.launcher.Suite;

/**
 * Start-up and memory of each service alone, as the run command starts it (issue 16, item 5): on the
 * embedded PostgreSQL and Kafka, each service is started once to create its schema and data, stopped,
 * and started again — that second start, with its data present, is the figure: wall time from
 * launching {@code java} to the first 200 from {@code /q/health/ready} (polled every 20 ms). Then one
 * minute of load (4 clients in a closed loop on one of its list endpoints, with a token minted for
 * it), and its resident memory (VmRSS from /proc) after that minute. Extra JVM flags for every
 * service, to compare settings in one run: {@code -Dbench.jvm-options="..."} (JDK_JAVA_OPTIONS of
 * the child; the run command's own {@code -Xmx} comes after them and wins). Prints figures; never
 * fails on them.
 */
public final class StartupBenchmark {

    private static final Logger LOG = Logger.getLogger(StartupBenchmark.class.getName());

    /** What each service's minute of load reads: a list of its own, cheap for an empty-ish database. */
    private static final Map<String, String> LOAD = Map.of("registry", "/api/v1/enterprises?limit=20",
            "supply", "/api/v1/supply-requests?limit=20", "logistics", "/api/v1/checkpoints?limit=20",
            "finance", "/api/v1/policies?limit=20");

    private StartupBenchmark() {
    }

    record Figures(String service, long firstStartMillis, long startMillis, double loadPerSecond, long rssMegabytes) {
    }

    public static void main(String[] args) throws Exception {
        Duration load = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "60")));
        String jvmOptions = System.getProperty("bench.jvm-options", "");
        Path work = Files.createTempDirectory("fugong-startup");
        try (EmbeddedDatabase database = EmbeddedDatabase.temporary(false);
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start()) {
            Map<String, String> every = new java.util.HashMap<>(Map.of("QUARKUS_LOG_LEVEL", "WARN"));
            if (!jvmOptions.isBlank()) {
                every.put("JDK_JAVA_OPTIONS", jvmOptions);
            }
            Suite suite = Suite.wire(Path.of("").toAbsolutePath(), work.resolve("jwt"), work.resolve("logs"),
                    Suite.Ports.free(), database, kafka, every);
            KeyPair keys = KeyPairs.loadOrCreate(work.resolve("jwt"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            List<Figures> all = new ArrayList<>();
            for (ServiceProcess service : List.of(suite.registry(), suite.supply(), suite.logistics(), suite.finance())) {
                String audience = service.name().replace("-service", "");
                long first = timedStart(service, http);
                service.stop();
                long again = timedStart(service, http);
                String token = DevJwt.as("ADMIN").subject("bench").audience(audience).issuer(Suite.ISSUER)
                        .signedWith(keys.getPrivate()).expiresIn(Duration.ofHours(1)).token();
                URI list = URI.create(service.baseUrl() + LOAD.get(audience));
                ConstantRateLoad.Result r = ConstantRateLoad.saturate(http, 4, load,
                        i -> HttpRequest.newBuilder(list).header("Authorization", "Bearer " + token).GET().build(), 200);
                long rss = rssMegabytes(service.handle().orElseThrow());
                service.stop();
                Figures f = new Figures(audience, first, again, r.throughput(), rss);
                LOG.info(() -> f.toString());
                all.add(f);
            }
            StringBuilder table = new StringBuilder(String.format("%nEach service alone, JDK_JAVA_OPTIONS=\"%s\":%n",
                    jvmOptions));
            table.append("| service | first start (empty database) | start with data present | GET under load, 4 clients | RSS after the load |\n");
            table.append("|---|---|---|---|---|\n");
            for (Figures f : all) {
                table.append(String.format("| %s | %,d ms | **%,d ms** | %.0f req/s | **%d MB** |%n", f.service(),
                        f.firstStartMillis(), f.startMillis(), f.loadPerSecond(), f.rssMegabytes()));
            }
            table.append("targets: start < 2,000 ms, RSS < 200 MB");
            LOG.info(table::toString);
        }
    }

    /** Launches the service and waits for its readiness; the wall time in milliseconds. */
    private static long timedStart(ServiceProcess service, HttpClient http) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        service.start();
        long deadline = started + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notListeningYet) {
                // the port is not open yet
            }
            if (!service.handle().orElseThrow().isAlive()) {
                throw new IllegalStateException(service.name() + " ended; see " + service.log());
            }
            // 20 ms between polls, ended early if the process exits
            service.handle().orElseThrow().onExit().completeOnTimeout(null, 20, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .join();
        }
        throw new IllegalStateException(service.name() + " was not ready within 3 minutes; see " + service.log());
    }

    private static long rssMegabytes(ProcessHandle jvm) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(jvm.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + jvm.pid());
    }
}
