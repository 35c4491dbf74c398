package org.fugong.gateway.observability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.fugong.gateway.GatewayConfig;
import org.fugong.platform.Schedulers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One JSON line per request on standard output: who called what, what became of it and how long
 * it took. Never credentials, query strings or bodies: those can carry keys and personal data.
 *
 * <p>The request's thread only queues its {@link Entry}; the writer formats what is queued and
 * writes it in one batch every {@code access-log-flush} (100 ms): a logging framework call per
 * request, waking a writer thread and making a write system call each time, cost about a sixth
 * of the gateway's CPU per request in the benchmark. Past {@code MAX_PENDING} unwritten lines
 * (stdout stuck), new lines are dropped and counted ({@code fugong_gateway_access_log_dropped})
 * rather than filling the heap.
 */
@Singleton
public class AccessLog {

    static final int MAX_PENDING = 100_000;
    /** A long backlog goes out in pieces of about this many characters. */
    private static final int WRITE_CHUNK = 64 * 1024;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry registry;

    private final Queue<Entry> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    /** Standard output; {@link #redirect} exists so that tests can read exactly what this log writes. */
    private volatile PrintStream out = System.out;
    private ScheduledExecutorService writer;

    /** What the gateway knows about a request by the time its response has gone ({@code at}: epoch microseconds). */
    public record Entry(long at, String requestId, String traceparent, String method, String path, String route, String service,
            int status, double durationMillis, String client, String tier, String remote, long bytesOut, String outcome) {
    }

    @PostConstruct
    void start() {
        Gauge.builder("fugong.gateway.access.log.dropped", dropped, AtomicLong::get)
                .description("Access-log lines dropped because standard output did not keep up").register(registry);
        writer = Schedulers.daemon("access-log");
        long every = config.accessLogFlush().toMillis();
        writer.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.shutdownNow();
        }
        flush();
    }

    /** Writes the lines to {@code to} from the next write on, returning where they went until now. */
    PrintStream redirect(PrintStream to) {
        PrintStream before = out;
        out = to;
        return before;
    }

    public void write(Entry e) {
        if (!config.accessLog()) {
            return;
        }
        if (size.incrementAndGet() > MAX_PENDING) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(e);
    }

    /** Writes what is queued in one go. */
    synchronized void flush() {
        StringBuilder batch = new StringBuilder();
        Entry entry;
        while ((entry = pending.poll()) != null) {
            size.decrementAndGet();
            append(batch, entry);
            batch.append('\n');
            if (batch.length() >= WRITE_CHUNK) {
                write(batch);
            }
        }
        write(batch);
    }

    private void write(StringBuilder batch) {
        if (!batch.isEmpty()) {
            byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
            PrintStream target = out;
            target.write(bytes, 0, bytes.length);
            target.flush();
            batch.setLength(0);
        }
    }

    /** Written by hand: this runs for every request, and a general JSON encoder costs more. */
    private static void append(StringBuilder line, Entry e) {
        line.append('{');
        line.append("\"ts\":\"");
        appendTimestamp(line, e.at());
        line.append("\",");
        field(line, "request_id", e.requestId());
        field(line, "trace_id", e.traceparent() == null ? null : e.traceparent().substring(3, 35));
        field(line, "method", e.method());
        field(line, "path", e.path());
        field(line, "route", e.route());
        field(line, "service", e.service());
        line.append("\"status\":").append(e.status()).append(',');
        line.append("\"duration_ms\":").append(Math.round(e.durationMillis() * 100) / 100.0).append(',');
        field(line, "client", e.client());
        field(line, "tier", e.tier());
        field(line, "remote", e.remote());
        line.append("\"bytes_out\":").append(e.bytesOut()).append(',');
        field(line, "outcome", e.outcome());
        line.setCharAt(line.length() - 1, '}');
    }

    /** ISO-8601 in UTC to the microsecond, e.g. 2026-11-28T19:26:13.781128Z, without a formatter per line. */
    static void appendTimestamp(StringBuilder line, long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        line.append(date.getYear()).append('-');
        twoDigits(line, date.getMonthValue()).append('-');
        twoDigits(line, date.getDayOfMonth()).append('T');
        twoDigits(line, secondOfDay / 3600).append(':');
        twoDigits(line, secondOfDay / 60 % 60).append(':');
        twoDigits(line, secondOfDay % 60).append('.');
        String micros = Long.toString(Math.floorMod(epochMicros, 1_000_000L));
        line.append("000000", micros.length(), 6).append(micros).append('Z');
    }

    private static StringBuilder twoDigits(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void field(StringBuilder line, String name, String value) {
        if (value == null) {
            return;
        }
        line.append('"').append(name).append("\":\"");
        if (!needsEscaping(value)) {
            line.append(value).append("\",");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        line.append("\",");
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return true;
            }
        }
        return false;
    }
}
