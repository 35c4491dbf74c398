package org.fugong.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-model load at a constant rate. Each request has an intended start time on a fixed
 * schedule; its latency is measured from that time, not from when it was actually sent, so a
 * stalled server (or generator) shows up in the figures instead of silently lowering the load:
 * the correction for coordinated omission.
 */
public final class ConstantRateLoad {

    public record Result(int targetRate, long sent, long ok, long failed, double seconds, Histogram latencyMicros) {
        public double throughput() {
            return ok / seconds;
        }
    }

    private ConstantRateLoad() {
    }

    /** Sends {@code requests.apply(i)} at {@code rate} per second for {@code duration}; counts {@code okStatus} as success. */
    public static Result run(HttpClient http, int rate, Duration duration, IntFunction<HttpRequest> requests,
            int okStatus) {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = duration.toSeconds() * rate;
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[(int) total];
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight[i] = http.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                        if (error == null && response.statusCode() == okStatus) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    });
        }
        CompletableFuture.allOf(inFlight).orTimeout(2, TimeUnit.MINUTES).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(rate, total, ok.get(), failed.get(), seconds, recorder.getIntervalHistogram());
    }

    /** Closed-loop load: {@code concurrency} clients each send the next request when the last returns. */
    public static Result saturate(HttpClient http, int concurrency, Duration duration, IntFunction<HttpRequest> requests,
            int okStatus) {
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        Thread[] clients = new Thread[concurrency];
        for (int c = 0; c < concurrency; c++) {
            clients[c] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        int status = http.send(requests.apply((int) counter.getAndIncrement()),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == okStatus ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                }
            }, "load-" + c);
            clients[c].start();
        }
        for (Thread client : clients) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(0, counter.get(), ok.get(), failed.get(), seconds, recorder.getIntervalHistogram());
    }
}
