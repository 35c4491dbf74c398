package org.fugong.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A free local port for a server of the suite to listen on, taken <em>below</em> the kernel's
 * ephemeral range: a port from that range (what {@code new ServerSocket(0)} gives) can be taken by
 * any outgoing connection between being found free and being bound — the fault runner lost a
 * service so, when the port handed to it was used by one of the suite's own connections first.
 * Its own class, free of Kafka types, because the gateway's tests use the embedded database with
 * no Kafka on their classpath: loading {@link EmbeddedKafka} there fails.
 */
public final class FreePorts {

    /** The lowest port handed out: above the registered services commonly run on development machines. */
    static final int FIRST = 20_000;
    /** Read once: the range does not change under a running JVM. */
    private static final int EPHEMERAL_RANGE_START = readEphemeralRangeStart();
    private static final AtomicInteger NEXT = new AtomicInteger(-1);

    private FreePorts() {
    }

    /** A port no socket is bound to now, outside the ephemeral range; a different one on each call. */
    public static int next() {
        int size = EPHEMERAL_RANGE_START - FIRST;
        if (size <= 0) {
            return anyFreePort(); // an unusual range: nothing to stay out of
        }
        // A random start per JVM, so that test JVMs side by side rarely try the same ports.
        NEXT.compareAndSet(-1, ThreadLocalRandom.current().nextInt(size));
        for (int tries = 0; tries < size; tries++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), size);
            if (bindable(port)) {
                return port;
            }
        }
        return anyFreePort();
    }

    /** The first port of the kernel's ephemeral range (Linux); 32768, the usual one, elsewhere. */
    static int ephemeralRangeStart() {
        return EPHEMERAL_RANGE_START;
    }

    private static int readEphemeralRangeStart() {
        try {
            // Line by line: where /proc reports a size of 0, Files.readString was seen to return only the first byte.
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
