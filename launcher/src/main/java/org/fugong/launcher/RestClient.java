package org.fugong.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client for loading demo data through the public API (the benchmarks set theirs up with it too). */
public final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String header;
    private final String credential;

    public RestClient(String baseUrl, String token) {
        this(baseUrl, "Authorization", "Bearer " + token);
    }

    private RestClient(String baseUrl, String header, String credential) {
        this.baseUrl = baseUrl;
        this.header = header;
        this.credential = credential;
    }

    /** A client of the gateway, with an API key. */
    public static RestClient withApiKey(String baseUrl, String apiKey) {
        return new RestClient(baseUrl, "X-Api-Key", apiKey);
    }

    public String credentialValue() {
        return credential;
    }

    RestClient as(String otherToken) {
        return new RestClient(baseUrl, otherToken);
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, 200);
    }

    /** A GET of something other than JSON (an image): its bytes, when it answers 200. */
    public byte[] getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request("GET", path, null, "*/*"), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body, 201);
    }

    public JsonNode put(String path, Object body, int expected) throws IOException, InterruptedException {
        return send("PUT", path, body, expected);
    }

    /**
     * A POST the service answers 409 until it has learned of the parties from the registry's events
     * (the caller's organisation, usually): asked again until the answer is another, which must be 201.
     */
    public JsonNode postWhenKnown(String path, Object body) throws Exception {
        return postWhenKnown("POST " + path + " once the service knows the parties", path, body);
    }

    /** As {@link #postWhenKnown(String, Object)}, saying {@code what} it waits for should it wait in vain. */
    JsonNode postWhenKnown(String what, String path, Object body) throws Exception {
        Answer answer = Eventually.await(what, () -> tryPost(path, body), a -> a.status() != 409);
        if (answer.status() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** A POST whose answer the caller judges: the status and the parsed body. */
    public Answer tryPost(String path, Object body) throws IOException, InterruptedException {
        return call("POST", path, body);
    }

    /** Any request whose answer the caller judges; {@code body} may be null. */
    public Answer call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    public record Answer(int status, JsonNode body) {
    }

    private JsonNode send(String method, String path, Object body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpRequest request(String method, String path, Object body) throws IOException {
        return request(method, path, body, "application/json");
    }

    private HttpRequest request(String method, String path, Object body, String accept) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header(header, credential)
                .header("Accept", accept);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").header("If-Match", "*")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return request.build();
    }
}
