package org.fugong.logistics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.fugong.logistics.checkpoint.CheckpointResource;
import org.fugong.logistics.checkpoint.ScanResource;
import org.fugong.logistics.pass.PassResource;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, read from the resources' annotations the way Quarkus reads them (the method's
 * own annotation, else its class's). With deny-unannotated-endpoints on, a method with neither is
 * closed; this pins every endpoint's roles.
 */
class EndpointRolesTest {

    static final Set<String> PUBLIC = Set.of("*");

    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("POST /api/v1/green-passes", Set.of("ENTERPRISE")),
            Map.entry("GET /api/v1/green-passes", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/green-passes/{id}", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("GET /api/v1/green-passes/{id}/qr.png", Set.of("ADMIN", "AUTHORITY", "ENTERPRISE")),
            Map.entry("PUT /api/v1/green-passes/{id}/decision", Set.of("ADMIN", "AUTHORITY")),
            Map.entry("PUT /api/v1/green-passes/{id}/revocation", Set.of("ADMIN", "AUTHORITY")),
            Map.entry("GET /api/v1/green-passes/revocations", PUBLIC),
            Map.entry("GET /api/v1/green-passes/keys", PUBLIC),
            Map.entry("POST /api/v1/checkpoints", Set.of("AUTHORITY")),
            Map.entry("GET /api/v1/checkpoints", Set.of("ADMIN", "AUTHORITY", "CHECKPOINT")),
            Map.entry("GET /api/v1/checkpoints/{id}", Set.of("ADMIN", "AUTHORITY", "CHECKPOINT")),
            Map.entry("GET /api/v1/checkpoints/{id}/stats", Set.of("ADMIN", "AUTHORITY", "CHECKPOINT")),
            Map.entry("POST /api/v1/checkpoint-scans", Set.of("CHECKPOINT")));

    @Test
    void everyEndpointAllowsExactlyTheRolesItAlwaysHas() {
        Map<String, Set<String>> effective = new TreeMap<>();
        for (Class<?> resource : new Class<?>[] { PassResource.class, CheckpointResource.class, ScanResource.class }) {
            for (Method m : resource.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    effective.put(verb + " " + path(resource, m), roles(resource, m));
                }
            }
        }
        assertThat(effective).isEqualTo(new TreeMap<>(EXPECTED));
    }

    /** What Quarkus enforces: the method's annotation wins over the class's; neither means denied. */
    static Set<String> roles(Class<?> resource, Method m) {
        if (m.isAnnotationPresent(PermitAll.class) || m.isAnnotationPresent(DenyAll.class)) {
            return m.isAnnotationPresent(PermitAll.class) ? Set.of("*") : Set.of();
        }
        RolesAllowed own = m.getAnnotation(RolesAllowed.class);
        RolesAllowed shared = resource.getAnnotation(RolesAllowed.class);
        RolesAllowed effective = own != null ? own : shared;
        return effective == null ? Set.of() : Set.of(effective.value());
    }

    static String verb(Method m) {
        for (var verb : new Class[] { GET.class, POST.class, PUT.class, DELETE.class, PATCH.class }) {
            if (m.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    static String path(Class<?> resource, Method m) {
        String base = resource.getAnnotation(Path.class).value();
        Path own = m.getAnnotation(Path.class);
        return own == null ? base : base + own.value();
    }
}
