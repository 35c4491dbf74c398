package org.fugong.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body counted while it streams through, for bodies whose size nobody declared
 * ({@code Transfer-Encoding: chunked}): past the limit it stops passing data on and fails the
 * stream, so the call to the service is reset instead of finished with a truncated body, and the
 * caller gets 413. (A declared {@code Content-Length} over the limit is refused before routing.)
 */
public final class LimitedBody implements ReadStream<Buffer> {

    /** The failure the stream ends with when the body is too large. */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    public LimitedBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                exceeded = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            if (!exceeded) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
