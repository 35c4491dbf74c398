package org.fugong.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Open-model constant-rate load from one Vert.x event loop: every millisecond it sends the
 * requests whose intended start has come, and measures each latency from that intended start
 * (coordinated omission corrected, like {@link ConstantRateLoad}). It costs a fraction of the CPU
 * of the JDK client per request, so on a small machine it measures the server rather than itself.
 */
public final class EventLoopLoad {

    private EventLoopLoad() {
    }

    /**
     * By hand: {@code EventLoopLoad <url> <rate/s> <seconds> [Header: value]...}; prints the figures.
     * {@code -Dbench.repeat=N} runs N times in this JVM (the first runs warm the generator up);
     * {@code -Dbench.warmup=S} sends S seconds at the rate, unmeasured, before each run.
     */
    public static void main(String[] args) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] header = args[i].split(":\\s*", 2);
            headers.put(header[0], header[1]);
        }
        for (int run = 0; run < Integer.getInteger("bench.repeat", 1); run++) {
            Benchmarks.report(args[0], run(URI.create(args[0]), headers, Integer.parseInt(args[1]),
                    Duration.ofSeconds(Long.getLong("bench.warmup", 0)), Duration.ofSeconds(Long.parseLong(args[2]))));
        }
    }

    public static ConstantRateLoad.Result run(URI uri, Map<String, String> headers, int rate, Duration duration) {
        return run(uri, headers, rate, Duration.ZERO, duration);
    }

    /**
     * {@code warmUp} at the rate first, on the same connections, unmeasured: the pool fills and the
     * previous phase's garbage and queues are gone before the measured {@code duration} starts.
     */
    public static ConstantRateLoad.Result run(URI uri, Map<String, String> headers, int rate, Duration warmUp,
            Duration duration) {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(256)
                    .setMaxWaitQueueSize(-1));
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost())
                    .setPort(uri.getPort()).setURI(uri.getRawPath()).setIdleTimeout(30_000);
            headers.forEach(options::addHeader);
            Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong done = new AtomicLong();
            long unmeasured = warmUp.toSeconds() * rate;
            long total = unmeasured + duration.toSeconds() * rate;
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            CompletableFuture<Double> finished = new CompletableFuture<>();
            long[] next = { 0 };
            vertx.runOnContext(start -> {
                long started = System.nanoTime();
                vertx.setPeriodic(1, timer -> {
                    long now = System.nanoTime();
                    while (next[0] < total && started + next[0] * interval <= now) {
                        long intended = started + next[0] * interval;
                        boolean measured = next[0] >= unmeasured;
                        next[0]++;
                        client.request(options).compose(request -> request.send()).compose(response -> {
                            int status = response.statusCode();
                            return response.body().map(body -> status);
                        }).onComplete(result -> {
                            if (measured) {
                                recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                                (result.succeeded() && result.result() == 200 ? ok : failed).incrementAndGet();
                            }
                            if (done.incrementAndGet() == total) {
                                finished.complete((System.nanoTime() - started - unmeasured * interval) / 1e9);
                            }
                        });
                    }
                    if (next[0] >= total) {
                        vertx.cancelTimer(timer);
                    }
                });
            });
            double seconds = finished.orTimeout(warmUp.toSeconds() + duration.toSeconds() + 120, TimeUnit.SECONDS).join();
            return new ConstantRateLoad.Result(rate, total - unmeasured, ok.get(), failed.get(), seconds,
                    recorder.getIntervalHistogram());
        } finally {
            vertx.close();
        }
    }
}
