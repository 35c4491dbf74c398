package org.fugong.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for requests a normal client would clean up first: request targets
 * with {@code ..}, {@code %2e%2e} or NUL left as they are, chunked bodies of any size, over-long lines.
 */
public final class RawHttp {

    /** What came back: status, headers (lower-case names) and the body as text. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code METHOD target} with the extra header lines given ("Name: value") and no body. */
    public static Response send(int port, String method, String target, String... headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        return exchange(port, request.toString().getBytes(StandardCharsets.ISO_8859_1), null, 0);
    }

    /** POSTs a chunked body of {@code chunks} chunks of {@code chunkSize} bytes each. */
    public static Response postChunked(int port, String target, String apiKey, int chunks, int chunkSize) {
        String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                + "X-Api-Key: " + apiKey + "\r\nContent-Type: application/octet-stream\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        return exchange(port, head.getBytes(StandardCharsets.ISO_8859_1), new int[] { chunks }, chunkSize);
    }

    private static Response exchange(int port, byte[] head, int[] chunks, int chunkSize) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            if (chunks != null) {
                byte[] chunk = new byte[chunkSize];
                java.util.Arrays.fill(chunk, (byte) 'a');
                byte[] size = (Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                try {
                    for (int i = 0; i < chunks[0]; i++) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException stoppedListening) {
                    // The gateway may answer and close before the whole body is sent: read what it said.
                }
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a reset after the answer: keep what was read
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("No complete response: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(headEnd + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
