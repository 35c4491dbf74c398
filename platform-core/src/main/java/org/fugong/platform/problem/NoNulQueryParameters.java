package org.fugong.platform.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a query parameter holding U+0000 ({@code ?item=%00}) with a 400 naming it, before any
 * resource runs: PostgreSQL's text refuses the character, so such a filter value failed in the
 * database as a 500 (issue 17's fuzzer, {@code GET /api/v1/supply-gaps?item=%00%00}). Bodies are
 * guarded by {@link NoNulStrings}; the gateway refuses an encoded NUL in the path.
 */
@Provider
@PreMatching
public class NoNulQueryParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String refused = refusedParameter(request.getUriInfo().getQueryParameters());
        if (refused != null) {
            request.abortWith(Problems.response(Problems.invalid(List.of(new Problem.FieldError(refused,
                    "must not contain the NUL character (U+0000)"))).withInstance(request.getUriInfo().getPath())));
        }
    }

    /** The first parameter (by name or value) holding U+0000, or null. */
    static String refusedParameter(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean inName = parameter.getKey().indexOf('\u0000') >= 0;
            if (inName || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                return inName ? "query" : parameter.getKey();
            }
        }
        return null;
    }
}
