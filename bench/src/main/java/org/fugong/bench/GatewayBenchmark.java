package org.fugong.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.fugong.devstack.KeyPairs;
import org.fugong.launcher.ServiceProcess;
import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.EmbeddedKafka;
import org.fugong.devstack.DevJwt;

/**
 * The same GET three ways in one run: straight to the registry, through the gateway (API key,
 * rate limit, internal JWT, access log), and through nginx as a plain reverse proxy that adds a
 * fixed token. Each way is warmed until the JIT behind it has settled; then, in interleaved rounds, each
 * at saturation (wrk, closed loop) and each at a constant rate of half the lowest saturation, to
 * read the latency each proxy adds; the medians of the rounds are compared. Figures, not a test.
 *
 * <p>Two options isolate what the proxies themselves add: {@code -Dbench.proxy-cpus=1} pins the
 * proxies to CPU 1 and everything else to the other CPUs ({@link CpuSplit}), and
 * {@code -Dbench.service=static} replaces the registry by nginx serving the registry's answer from a
 * file, a service whose tail is steady.
 */
public final class GatewayBenchmark {

    private static final Logger LOG = Logger.getLogger(GatewayBenchmark.class.getName());
    private static final String ISSUER = "https://gateway.fugong.bench";
    private static final String PATH = "/api/v1/regions/420100";
    private static final int NGINX_PORT = 18090;
    private static final int STATIC_PORT = 18091;

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "15")));
        int concurrency = Integer.parseInt(System.getProperty("bench.concurrency", "16"));
        Path work = Files.createTempDirectory("fugong-gateway-bench");
        Path root = Path.of("").toAbsolutePath();

        try (EmbeddedDatabase database = EmbeddedDatabase.temporary();
                EmbeddedKafka kafka = EmbeddedKafka.temporary().start()) {
            KeyPair keys = KeyPairs.loadOrCreate(work.resolve("jwt"));
            String adminKey = KeyPairs.adminKey(work.resolve("jwt"));
            // -Dbench.proxy-cpus=1 gives the proxies CPU 1 to themselves and everything else the
            // other CPUs: what the proxy adds, without the CPU it takes from the service behind it.
            CpuSplit split = CpuSplit.from(System.getProperty("bench.proxy-cpus"));
            Map<String, String> registryEnvironment = new java.util.HashMap<>(Map.of("QUARKUS_LOG_LEVEL", "WARN"));
            split.sizeJvm(registryEnvironment, false);
            ServiceProcess registry = ServiceProcess.onEmbeddedInfrastructure("registry-service", "registry", root, 18081,
                    database, kafka, work.resolve("jwt"), ISSUER, work.resolve("registry.log"), registryEnvironment);
            String token = DevJwt.as("READER").subject("bench").audience("registry").issuer(ISSUER).signedWith(keys.getPrivate())
                    .expiresIn(Duration.ofHours(2)).token();
            Process service = null;
            Process nginx = null;
            ServiceProcess gateway = null;
            registry.start();
            try {
                registry.awaitReady(Duration.ofMinutes(2));
                // -Dbench.service=static puts nginx serving the registry's answer from a file in the
                // registry's place: a service with a steady tail, so what the proxies add shows.
                boolean staticService = "static".equals(System.getProperty("bench.service"));
                String serviceUrl = registry.baseUrl();
                if (staticService) {
                    service = startStaticService(work, registry.baseUrl(), token);
                    serviceUrl = "http://127.0.0.1:" + STATIC_PORT;
                }
                // The partner tier is opened wide so the limiter is measured, not hit.
                Map<String, String> gatewayEnvironment = new java.util.HashMap<>(Map.of(
                        "FUGONG_REGISTRY_URL", serviceUrl, "FUGONG_SUPPLY_URL", "http://127.0.0.1:18082",
                        "FUGONG_GATEWAY_ADMIN_KEY", adminKey,
                        "FUGONG_GATEWAY_JWT_PRIVATE_KEY_LOCATION", KeyPairs.privateKeyFile(work.resolve("jwt")).toString(),
                        "FUGONG_GATEWAY_RATE_LIMIT_TIERS_PARTNER_RATE", "1000000",
                        "FUGONG_GATEWAY_RATE_LIMIT_TIERS_PARTNER_BURST", "1000000",
                        // the generator is one address: the per-address limit would measure itself
                        "FUGONG_ADDRESS_RATE", "1000000", "FUGONG_ADDRESS_BURST", "1000000"));
                // -Dbench.gateway.KEY=VALUE passes more environment to the gateway, to try settings.
                System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith("bench.gateway."))
                        .forEach(p -> gatewayEnvironment.put(p.substring("bench.gateway.".length()), System.getProperty(p)));
                split.sizeJvm(gatewayEnvironment, true);
                gateway = ServiceProcess.onEmbeddedInfrastructure("gateway", "gateway", root, 18080, database,
                        kafka, work.resolve("jwt"), ISSUER, work.resolve("gateway.log"), gatewayEnvironment);
                gateway.start();
                gateway.awaitReady(Duration.ofMinutes(2));
                nginx = startNginx(work, serviceUrl, token, split);
                split.pin(ProcessHandle.current(), List.of(gateway.handle().orElseThrow(), nginx.toHandle()),
                        List.of(database.server()));
                LOG.info("CPUs: " + split);
                // HTTP/1.1 for all three: the JDK client would otherwise upgrade to h2c where it can
                // (Quarkus, not nginx) and funnel every client through one connection.
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                String apiKey = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/admin/api-keys"))
                        .header("X-Api-Key", adminKey).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"role\":\"READER\",\"tier\":\"partner\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("api_key").asText();

                Map<String, HttpRequest> ways = new java.util.LinkedHashMap<>();
                ways.put("direct", HttpRequest.newBuilder(URI.create(serviceUrl + PATH))
                        .header("Authorization", "Bearer " + token).build());
                ways.put("gateway", HttpRequest.newBuilder(URI.create(gateway.baseUrl() + PATH))
                        .header("X-Api-Key", apiKey).build());
                ways.put("nginx", HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + NGINX_PORT + PATH)).build());

                // Every JVM involved needs minutes of load here before its figures settle (its JIT
                // competes with everything else for the two cores): each way is warmed until the
                // JIT compilers behind it are nearly idle, or for at most bench.warmup seconds.
                Duration maxWarmUp = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.warmup", "300")));
                List<ProcessHandle> serviceJvm = staticService ? List.of() : List.of(registry.handle().orElseThrow());
                Map<String, List<ProcessHandle>> jvmsBehind = Map.of("direct", serviceJvm, "gateway",
                        java.util.stream.Stream.concat(serviceJvm.stream(), java.util.stream.Stream.of(gateway.handle().orElseThrow())).toList(),
                        "nginx", serviceJvm);
                for (Map.Entry<String, HttpRequest> way : ways.entrySet()) {
                    // wrk in 10 s steps: a step must be long enough for the compilers' share to mean something.
                    JitWarmUp.untilSettled(way.getKey(), jvmsBehind.get(way.getKey()), maxWarmUp,
                            () -> wrk(way.getKey() + " (warm-up)", way.getValue(), concurrency, Duration.ofSeconds(10)));
                    ConstantRateLoad.saturate(http, 4, Duration.ofSeconds(3), i -> way.getValue(), 200);
                }
                // Rounds in turn (direct, gateway, nginx, direct, ...) and the median of each way:
                // the machine's own drift (other tenants, the JIT, garbage collection) then falls on
                // all three alike instead of on whichever way ran during it.
                int rounds = Integer.parseInt(System.getProperty("bench.rounds", "3"));
                // Saturation with wrk (C, event-driven): the JDK client spends more CPU per request
                // than the proxies under test and on two cores would measure itself.
                // CPU time per request of each process is steadier than throughput on a shared
                // machine: it says what each proxy costs, whatever else holds the cores.
                Map<String, ProcessHandle> processes = new java.util.LinkedHashMap<>();
                processes.put(staticService ? "static service" : "registry",
                        staticService ? service.toHandle() : registry.handle().orElseThrow());
                processes.put("gateway", gateway.handle().orElseThrow());
                processes.put("nginx", nginx.toHandle());
                Map<String, List<Double>> saturation = new java.util.LinkedHashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    for (Map.Entry<String, HttpRequest> way : ways.entrySet()) {
                        Map<String, Duration> before = cpu(processes);
                        double rate = wrk(way.getKey() + " #" + round, way.getValue(), concurrency, phase);
                        saturation.computeIfAbsent(way.getKey(), k -> new java.util.ArrayList<>()).add(rate);
                        Map<String, Duration> after = cpu(processes);
                        double requests = rate * phase.toSeconds();
                        StringBuilder perRequest = new StringBuilder("  CPU per request:");
                        processes.keySet().forEach(name -> perRequest.append(String.format("  %s %.0f µs", name,
                                (after.get(name).toNanos() - before.get(name).toNanos()) / 1000.0 / requests)));
                        LOG.info(perRequest.toString());
                    }
                }
                // One rate all three sustain: half of the lowest median saturation.
                // -Dbench.rate=N fixes it instead, to compare runs of different set-ups at one rate.
                int half = Integer.getInteger("bench.rate", (int) Math.max(1, ways.keySet().stream()
                        .mapToDouble(way -> median(saturation.get(way))).min().orElse(2) / 2));
                // The generator's own code is compiled before anything is measured with it: its first
                // run in this JVM, on a loaded CPU, once put seconds of its own JIT into a p50.
                HttpRequest first = ways.values().iterator().next();
                Benchmarks.report("generator warm-up (not counted)", EventLoopLoad.run(first.uri(), headersOf(first), half,
                        Duration.ZERO, Duration.ofSeconds(20)));
                Map<String, List<Double>> p99 = new java.util.LinkedHashMap<>();
                Map<String, List<Double>> p50 = new java.util.LinkedHashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    for (Map.Entry<String, HttpRequest> way : ways.entrySet()) {
                        // A few seconds at the rate first, unmeasured: the previous phase leaves every
                        // process with garbage to collect and queues to drain.
                        ConstantRateLoad.Result r = EventLoopLoad.run(way.getValue().uri(), headersOf(way.getValue()), half,
                                Duration.ofSeconds(5), phase);
                        Benchmarks.report(way.getKey() + " #" + round + ", constant " + half + "/s", r);
                        p99.computeIfAbsent(way.getKey(), k -> new java.util.ArrayList<>())
                                .add(r.latencyMicros().getValueAtPercentile(99) / 1000.0);
                        p50.computeIfAbsent(way.getKey(), k -> new java.util.ArrayList<>())
                                .add(r.latencyMicros().getValueAtPercentile(50) / 1000.0);
                    }
                }
                StringBuilder summary = new StringBuilder(String.format("%nMedians of %d rounds (%s):%n", rounds, split));
                ways.keySet().forEach(way -> summary.append(String.format(
                        "  %-8s saturation %6.0f req/s   at %d/s: p50 %.2f ms  p99 %.2f ms%n", way,
                        median(saturation.get(way)), half, median(p50.get(way)), median(p99.get(way)))));
                double gatewayRate = median(saturation.get("gateway"));
                double nginxRate = median(saturation.get("nginx"));
                summary.append(String.format("Gateway throughput %.0f/s vs nginx %.0f/s: ratio %.2f (target >= 0.8)%n"
                        + "Added p99 at %d/s: gateway %.2f ms, nginx %.2f ms (target: gateway <= 2 ms)%n",
                        gatewayRate, nginxRate, gatewayRate / nginxRate, half,
                        median(p99.get("gateway")) - median(p99.get("direct")),
                        median(p99.get("nginx")) - median(p99.get("direct"))));
                LOG.info(summary.toString());
            } finally {
                for (Process p : new Process[] { nginx, service }) {
                    if (p != null) {
                        p.destroy();
                    }
                }
                if (gateway != null) {
                    gateway.stop();
                }
                registry.stop();
            }
        }
    }

    /** A request's headers, the first value of each, as the generator takes them. */
    private static Map<String, String> headersOf(HttpRequest request) {
        Map<String, String> headers = new java.util.HashMap<>();
        request.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
        return headers;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** CPU time used so far by each process and its descendants (nginx's workers). */
    static Map<String, Duration> cpu(Map<String, ProcessHandle> processes) {
        Map<String, Duration> used = new java.util.LinkedHashMap<>();
        processes.forEach((name, process) -> used.put(name, java.util.stream.Stream.concat(java.util.stream.Stream.of(process),
                process.descendants()).map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus)));
        return used;
    }

    /** Runs wrk at saturation against one way; returns requests per second and logs its latencies. */
    private static double wrk(String name, HttpRequest request, int connections, Duration phase) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("wrk", "-t2", "-c" + connections,
                "-d" + phase.toSeconds() + "s", "--latency"));
        request.headers().map().forEach((header, values) -> values.forEach(v -> {
            command.add("-H");
            command.add(header + ": " + v);
        }));
        command.add(request.uri().toString());
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        wrk.waitFor();
        double rate = Double.parseDouble(field(output, "Requests/sec:"));
        LOG.info(String.format("%-32s %8.1f req/s  p50 %s  p99 %s  non-2xx %s", name + ", wrk closed loop", rate,
                field(output, "50%"), field(output, "99%"), output.contains("Non-2xx") ? field(output, "Non-2xx or 3xx responses:") : "0"));
        return rate;
    }

    private static String field(String output, String label) {
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(label)) {
                return trimmed.substring(label.length()).strip().split("\\s+")[0];
            }
        }
        throw new IllegalStateException("wrk printed no '" + label + "':\n" + output);
    }

    /** nginx as a plain keep-alive reverse proxy to the service, adding the token a gateway would. */
    private static Process startNginx(Path work, String upstream, String token, CpuSplit split) throws Exception {
        return nginx(work.resolve("nginx"), split.nginxWorkers(), NGINX_PORT, """
                upstream service { server %s; keepalive 64; }
                server {
                    listen 127.0.0.1:%d;
                    location / {
                        proxy_pass http://service;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Authorization "Bearer %s";
                    }
                }
                """.formatted(upstream.replace("http://", ""), NGINX_PORT, token));
    }

    /** One nginx worker answering every GET with the registry's own answer to {@link #PATH}, from a file. */
    private static Process startStaticService(Path work, String registry, String token) throws Exception {
        Path dir = Files.createDirectories(work.resolve("static-service"));
        HttpRequest get = HttpRequest.newBuilder(URI.create(registry + PATH)).header("Authorization", "Bearer " + token).build();
        java.net.http.HttpResponse<byte[]> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(get, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The registry answered " + answer.statusCode() + " to " + PATH);
        }
        Files.write(dir.resolve("answer.json"), answer.body());
        return nginx(dir, "1", STATIC_PORT, """
                server {
                    listen 127.0.0.1:%d;
                    location / {
                        root %s;
                        default_type application/json;
                        try_files /answer.json =404;
                    }
                }
                """.formatted(STATIC_PORT, dir));
    }

    /**
     * Starts nginx in the foreground with these servers and waits until {@link #PATH} answers 200 on
     * the port. Its workers run as the user running the benchmark, who can read its private work directory.
     */
    private static Process nginx(Path dir, String workers, int port, String servers) throws Exception {
        Files.createDirectories(dir);
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                user %4$s;
                worker_processes %1$s;
                pid %2$s/nginx.pid;
                error_log %2$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                %3$s}
                """.formatted(workers, dir, servers.indent(4), System.getProperty("user.name")));
        Process nginx = new ProcessBuilder(List.of("nginx", "-p", dir.toString(), "-c", conf.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && nginx.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return nginx;
                }
            } catch (java.io.IOException notYet) {
                // nginx is still starting
            }
        }
        nginx.destroy();
        throw new IllegalStateException("nginx did not start on " + port + "; see " + dir.resolve("error.log"));
    }
}
