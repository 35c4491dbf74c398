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
import org.fugong.launcher.ServiceJdk;
import org.fugong.launcher.ServiceProcess;
import org.fugong.launcher.Suite;

/**
 * Start-up and memory of each service alone, as the run command starts it (issue 16, item 5), with
 * the run command's JVM flags against others, in one run: on the embedded PostgreSQL and Kafka, each
 * service is started once to create its schema and data, stopped, and then started again with each
 * set of flags in turn, {@code bench.rounds} times, interleaved. A start is the wall time from
 * launching {@code java} to the first 200 from {@code /q/health/ready} (polled every 20 ms). Then,
 * with each set of flags, one minute of load (4 clients in a closed loop on one of its list endpoints;
 * the throughput is the second half-minute's, when the JIT has warmed up) and its resident memory
 * (VmRSS from /proc) after that minute. The gateway is measured the same way,
 * with the registry behind it, its load a registry list through it with the bootstrap key.
 * <p>
 * The sets of flags: {@code before} (only {@code -Xmx512m}, the run command's flags until this
 * benchmark), {@code chosen} ({@link ServiceProcess#jvmOptions}), and {@code -Dbench.try="..."} as a
 * third, {@code tried} (several sets apart with {@code |}: {@code tried 1}, {@code tried 2}, …; an entry
 * {@code env:NAME=value} sets a variable of the service's process rather than a flag, {@code java:DIR} runs it
 * on the JDK at {@code DIR}, and {@code aot:FILE} uses the JDK 25 AOT cache {@code FILE}, trained first if it
 * is missing: one start with {@code -XX:AOTCacheOutput}, half of the load, and a clean stop). With
 * {@code -XX:NativeMemoryTracking=summary} among a set's flags, the JVM's account of its memory is
 * printed after the load. {@code -Dbench.only=registry,gateway} measures only those.
 * Prints figures; never fails on them.
 */
public final class StartupBenchmark {

    private static final Logger LOG = Logger.getLogger(StartupBenchmark.class.getName());

    /** What each service's minute of load reads: a list of its own, cheap for an empty-ish database. */
    private static final Map<String, String> LOAD = Map.of("registry", "/api/v1/enterprises?limit=20",
            "supply", "/api/v1/supply-requests?limit=20", "logistics", "/api/v1/checkpoints?limit=20",
            "finance", "/api/v1/policies?limit=20", "gateway", "/api/v1/enterprises?limit=20");

    private StartupBenchmark() {
    }

    /** One start: wall time to ready, and the CPU the JVM used until then (steadier on a shared machine). */
    record Start(long wallMillis, long cpuMillis) {
    }

    /**
     * {@code cpuMicrosPerRequest}: the service's CPU over the second half of the load, but for its JIT
     * compilers' (still at work on a slow machine), by the requests it answered: on a shared machine it
     * says more than the throughput about what a set of flags costs a request.
     */
    record Figures(String service, String flags, Start first, List<Start> starts, double loadPerSecond,
            long cpuMicrosPerRequest, long rssMegabytes) {

        long medianWall() {
            return median(starts.stream().map(Start::wallMillis).toList());
        }

        long medianCpu() {
            return median(starts.stream().map(Start::cpuMillis).toList());
        }

        private static long median(List<Long> values) {
            return values.stream().sorted().toList().get(values.size() / 2);
        }
    }

    public static void main(String[] args) throws Exception {
        Duration load = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "60")));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "3"));
        String tried = System.getProperty("bench.try", "");
        List<String> only = List.of(System.getProperty("bench.only", "registry,supply,logistics,finance,gateway")
                .split(","));
        Path work = Files.createTempDirectory("fugong-startup");
        try (EmbeddedDatabase database = EmbeddedDatabase.temporary(false);
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start()) {
            // The gateway's limits raised so that the minute of load measures it, not its 429s.
            Map<String, String> every = new java.util.HashMap<>(Map.of("QUARKUS_LOG_LEVEL", "WARN",
                    "FUGONG_GATEWAY_RATE_LIMIT_TIERS_STANDARD_RATE", "1000000",
                    "FUGONG_GATEWAY_RATE_LIMIT_TIERS_STANDARD_BURST", "1000000",
                    "FUGONG_GATEWAY_RATE_LIMIT_TIERS_PARTNER_RATE", "1000000",
                    "FUGONG_GATEWAY_RATE_LIMIT_TIERS_PARTNER_BURST", "1000000",
                    "FUGONG_ADDRESS_RATE", "1000000", "FUGONG_ADDRESS_BURST", "1000000"));
            Suite suite = Suite.wire(Path.of("").toAbsolutePath(), work.resolve("jwt"), work.resolve("logs"),
                    Suite.Ports.free(), database, kafka, every);
            KeyPair keys = KeyPairs.loadOrCreate(work.resolve("jwt"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            List<Figures> all = new ArrayList<>();
            for (ServiceProcess service : List.of(suite.registry(), suite.supply(), suite.logistics(), suite.finance(),
                    suite.gateway())) {
                String audience = service.name().replace("-service", "");
                if (!only.contains(audience)) {
                    continue;
                }
                Map<String, List<String>> flags = new java.util.LinkedHashMap<>();
                flags.put("before", List.of("-Xmx512m"));
                flags.put("chosen", ServiceProcess.jvmOptions(appDirectory(service)));
                String[] triedSets = tried.isBlank() ? new String[0] : tried.split("\\|");
                for (int t = 0; t < triedSets.length; t++) {
                    flags.put(triedSets.length == 1 ? "tried" : "tried " + (t + 1), List.of(triedSets[t].trim().split("\\s+")));
                }
                boolean viaGateway = service == suite.gateway();
                if (viaGateway) { // the gateway's load goes through to the registry, started as the run command does
                    use(suite.registry(), ServiceProcess.jvmOptions(appDirectory(suite.registry())));
                    timedStart(suite.registry(), http);
                }
                String token = DevJwt.as("ADMIN").subject("bench").audience(audience).issuer(Suite.ISSUER)
                        .signedWith(keys.getPrivate()).expiresIn(Duration.ofHours(1)).token();
                URI list = URI.create(service.baseUrl() + LOAD.get(audience));
                java.util.function.IntFunction<HttpRequest> get = i -> (viaGateway
                        ? HttpRequest.newBuilder(list).header("X-Api-Key", suite.adminKey())
                        : HttpRequest.newBuilder(list).header("Authorization", "Bearer " + token)).GET().build();
                service.useJvmOptions(flags.get("chosen"));
                Start first = timedStart(service, http);
                service.stop();
                for (List<String> set : flags.values()) {
                    trainAotCache(service, set, http, get, load.dividedBy(2));
                }
                Map<String, List<Start>> starts = new java.util.LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (Map.Entry<String, List<String>> set : flags.entrySet()) {
                        use(service, set.getValue());
                        starts.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add(timedStart(service, http));
                        service.stop();
                    }
                }
                for (Map.Entry<String, List<String>> set : flags.entrySet()) {
                    use(service, set.getValue());
                    timedStart(service, http);
                    // The first half warms the JIT up; the throughput is the second half's.
                    ConstantRateLoad.saturate(http, 4, load.dividedBy(2), get, 200);
                    List<ProcessHandle> jvm = List.of(service.handle().orElseThrow());
                    ThreadCpu.Snapshot before = ThreadCpu.of(jvm);
                    ConstantRateLoad.Result r = ConstantRateLoad.saturate(http, 4, load.dividedBy(2), get, 200);
                    Map<String, Duration> used = ThreadCpu.of(jvm).since(before);
                    LOG.info(() -> audience + " " + set.getKey() + " CPU per GET: " + Benchmarks.perRequest(used, r.ok()));
                    long cpuPerRequest = used.entrySet().stream().filter(g -> !g.getKey().equals(ThreadCpu.COMPILERS))
                            .mapToLong(g -> g.getValue().toNanos() / 1000).sum() / Math.max(1, r.ok());
                    long rss = rssMegabytes(service.handle().orElseThrow());
                    if (set.getValue().stream().anyMatch(flag -> flag.startsWith("-XX:NativeMemoryTracking"))) {
                        LOG.info(nativeMemory(service.handle().orElseThrow()));
                    }
                    service.stop();
                    Figures f = new Figures(audience, set.getKey(), first, starts.get(set.getKey()), r.throughput(),
                            cpuPerRequest, rss);
                    LOG.info(() -> f + " (" + r.failed() + " failed, flags " + String.join(" ", set.getValue()) + ")");
                    all.add(f);
                }
                if (viaGateway) {
                    suite.registry().stop();
                }
            }
            StringBuilder table = new StringBuilder(String.format("%nEach service alone (the gateway with the registry"
                    + " behind it), %d rounds of starts, %d s of load:%n", rounds, load.toSeconds()));
            table.append("| service | flags | first start (empty database) | start with data present, median (each round) "
                    + "| CPU to ready, median | GET, second half of the load | its CPU per GET (JIT apart) | RSS after the load |\n");
            table.append("|---|---|---|---|---|---|---|---|\n");
            for (Figures f : all) {
                table.append(String.format("| %s | %s | %,d ms | **%,d ms** (%s) | %,d ms | %.0f req/s | %,d µs | **%d MB** |%n",
                        f.service(), f.flags(), f.first().wallMillis(), f.medianWall(),
                        f.starts().stream().map(st -> String.valueOf(st.wallMillis()))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        f.medianCpu(), f.loadPerSecond(), f.cpuMicrosPerRequest(), f.rssMegabytes()));
            }
            table.append("targets: start < 2,000 ms, RSS < 200 MB; flags chosen: ")
                    .append(String.join(" ", ServiceProcess.jvmOptions(Path.of("<app>"))));
            LOG.info(table::toString);
        }
    }

    /**
     * A set's JVM flags, its {@code env:NAME=value} entries as variables of the process, its {@code java:DIR}
     * as the JDK it runs on (else this JVM's), and its {@code aot:FILE} as {@code -XX:AOTCache=FILE}.
     */
    private static void use(ServiceProcess service, List<String> set) {
        Map<String, String> variables = new java.util.HashMap<>();
        List<String> options = new ArrayList<>();
        Path java = Path.of(System.getProperty("java.home"));
        for (String entry : set) {
            if (entry.startsWith("env:") && entry.contains("=")) {
                variables.put(entry.substring(4, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
            } else if (entry.startsWith("java:")) {
                java = Path.of(entry.substring(5));
            } else if (entry.startsWith("aot:")) {
                options.add("-XX:AOTCache=" + Path.of(entry.substring(4)).toAbsolutePath());
            } else {
                options.add(entry);
            }
        }
        service.useJvmOptions(options);
        service.useExtraEnvironment(variables);
        service.useJava(java);
    }

    /**
     * For a set with {@code aot:FILE} and no such file yet: trains the cache as JDK 25 does in one step (JEP
     * 514), with a start under {@code -XX:AOTCacheOutput=FILE}, {@code training} of the load, and a clean stop,
     * at which the JVM writes the cache (given minutes: it starts a second JVM to assemble it).
     */
    private static void trainAotCache(ServiceProcess service, List<String> set, HttpClient http,
            java.util.function.IntFunction<HttpRequest> get, Duration training) throws Exception {
        java.util.Optional<Path> cache = set.stream().filter(entry -> entry.startsWith("aot:"))
                .map(entry -> Path.of(entry.substring(4)).toAbsolutePath()).findFirst();
        if (cache.isEmpty() || Files.exists(cache.get())) {
            return;
        }
        use(service, ServiceJdk.training(set.stream().filter(entry -> !entry.startsWith("aot:")).toList(),
                cache.get().toString()));
        timedStart(service, http);
        ConstantRateLoad.saturate(http, 4, training, get, 200);
        service.stop(); // which waits minutes for a JVM that is writing its cache
        LOG.info(() -> String.format("%s: AOT cache %s trained, %,d bytes", service.name(), cache.get(),
                cache.get().toFile().length()));
    }

    private static Path appDirectory(ServiceProcess service) {
        return Path.of(service.name(), "target", "quarkus-app").toAbsolutePath();
    }
    /** Launches the service and waits for its readiness. */
    private static Start timedStart(ServiceProcess service, HttpClient http) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        service.start();
        long deadline = started + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    long wall = (System.nanoTime() - started) / 1_000_000;
                    // CPU to ready: on a shared machine, steadier than the wall time, and what a start costs.
                    Duration cpu = service.handle().orElseThrow().info().totalCpuDuration().orElse(Duration.ZERO);
                    Map<String, Duration> byThread = ThreadCpu.of(List.of(service.handle().orElseThrow())).since(ThreadCpu.NONE);
                    LOG.info(() -> String.format("%s ready in %,d ms, %,d ms of CPU: %s", service.name(), wall,
                            cpu.toMillis(), Benchmarks.perRequest(byThread, 1)));
                    return new Start(wall, cpu.toMillis());
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

    /** The JVM's own account of its memory by part (jcmd VM.native_memory), for a run with tracking on. */
    private static String nativeMemory(ProcessHandle jvm) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(jvm.pid()), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
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
