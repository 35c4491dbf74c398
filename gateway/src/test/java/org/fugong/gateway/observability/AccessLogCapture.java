package org.fugong.gateway.observability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads what the access log writes, byte for byte, while still passing it on to where it went
 * before (standard output). In this package because {@link AccessLog#redirect} is not public: the
 * gateway itself never sends its log anywhere else.
 */
public final class AccessLogCapture implements AutoCloseable {

    private final AccessLog log;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    /** Null only for the instant between the redirect and its answer; what is written then is captured, not echoed. */
    private volatile PrintStream previous;

    private AccessLogCapture(AccessLog log) {
        this.log = log;
        this.previous = log.redirect(new PrintStream(new Tee(), false, StandardCharsets.UTF_8));
    }

    /** Starts capturing what {@code log} writes from its next write on. */
    public static AccessLogCapture start(AccessLog log) {
        return new AccessLogCapture(log);
    }

    /** Every complete line written while capturing, without its line break. */
    public List<String> lines() {
        String text;
        synchronized (written) {
            text = written.toString(StandardCharsets.UTF_8);
        }
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    /** Sends the log back where it went before; the lines captured stay readable. */
    @Override
    public void close() {
        log.redirect(previous);
    }

    private final class Tee extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (written) {
                written.write(bytes, offset, length);
            }
            PrintStream echo = previous;
            if (echo != null) {
                echo.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            PrintStream echo = previous;
            if (echo != null) {
                echo.flush();
            }
        }
    }
}
