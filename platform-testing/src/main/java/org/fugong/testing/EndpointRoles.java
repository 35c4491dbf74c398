package org.fugong.testing;

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

/**
 * Who may call what, read from JAX-RS resources' annotations the way Quarkus reads them (the
 * method's own annotation, else its class's; with deny-unannotated-endpoints, neither means
 * closed). Each service's roles test pins its endpoints' roles with it, so moving shared roles to
 * a class or adding an endpoint changes no one's rights unnoticed.
 */
public final class EndpointRoles {

    /** Every role there is, for endpoints open to every authenticated caller. */
    public static final Set<String> EVERYONE = Set.of("ADMIN", "AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION",
            "LENDER", "CHECKPOINT", "READER");

    private EndpointRoles() {
    }

    /**
     * "VERB /path" of every endpoint of the resources, to the roles allowed: {@code ["*"]} for
     * {@code @PermitAll}, empty for {@code @DenyAll} or no annotation at all.
     */
    public static Map<String, Set<String>> of(Class<?>... resources) {
        Map<String, Set<String>> effective = new TreeMap<>();
        for (Class<?> resource : resources) {
            for (Method m : resource.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    effective.put(verb + " " + path(resource, m), roles(resource, m));
                }
            }
        }
        return effective;
    }

    /** What Quarkus enforces: the method's annotation wins over the class's; neither means denied. */
    public static Set<String> roles(Class<?> resource, Method m) {
        if (m.isAnnotationPresent(PermitAll.class) || m.isAnnotationPresent(DenyAll.class)) {
            return m.isAnnotationPresent(PermitAll.class) ? Set.of("*") : Set.of();
        }
        RolesAllowed own = m.getAnnotation(RolesAllowed.class);
        RolesAllowed shared = resource.getAnnotation(RolesAllowed.class);
        RolesAllowed effective = own != null ? own : shared;
        return effective == null ? Set.of() : Set.of(effective.value());
    }

    private static String verb(Method m) {
        for (var verb : new Class[] { GET.class, POST.class, PUT.class, DELETE.class, PATCH.class }) {
            if (m.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    private static String path(Class<?> resource, Method m) {
        String base = resource.getAnnotation(Path.class).value();
        Path own = m.getAnnotation(Path.class);
        return own == null ? base : base + own.value();
    }
}
