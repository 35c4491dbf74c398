package org.fugong.launcher.fault;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.fugong.devstack.EmbeddedKafka;

/**
 * devstack's Kafka broker alone in a JVM: {@code BrokerMain <log dir> <port>}. The fault runner
 * starts it as a child process so that it can kill the broker with SIGKILL, as a crash would, and
 * start it again on the same port and log directory, with whatever the crash left there.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: BrokerMain <log dir> <port>");
        }
        EmbeddedKafka kafka = EmbeddedKafka.persistent(Path.of(args[0]), Integer.parseInt(args[1])).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            stopped.countDown();
        }, "broker-stop"));
        stopped.await();
    }
}
