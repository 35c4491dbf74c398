package org.fugong.platform.idempotency;

import java.net.URI;

/** What a creating request answers: 201, the new resource's location and its representation. */
public record Created<T>(URI location, T body, String etag) {
}
