package org.fugong.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A free local port. Its own class, free of Kafka types, because the gateway's tests use the
 * embedded database with no Kafka on their classpath: loading {@link EmbeddedKafka} there fails.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
