package org.fugong.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.fugong.registry.enterprise.EnterpriseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what is read off each resource class: the roles that share it at class level, and
 * an override only on the methods that narrow them (the writes). Plain reflection over the
 * compiled resources, no application started.
 */
class ResourceRolesTest {

    /** Every JAX-RS resource class of the registry, found on disk so that a new one cannot be missed. */
    static Stream<Class<?>> resources() throws IOException, URISyntaxException {
        Path root = Path.of(EnterpriseResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> found = files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(ResourceRolesTest::load)
                    .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .toList();
            assertThat(found).as("resource classes under " + root).hasSizeGreaterThanOrEqualTo(7);
            return found.stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceRolesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Method> endpoints(Class<?> resource) {
        return Arrays.stream(resource.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> Stream.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)
                        .anyMatch(m::isAnnotationPresent))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void everyResourceNamesItsSharedRolesOnTheClass(Class<?> resource) {
        assertThat(resource.getAnnotation(RolesAllowed.class)).as(resource.getSimpleName() + " class-level @RolesAllowed")
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void aMethodOverridesTheClassRolesOnlyToNarrowThem(Class<?> resource) {
        RolesAllowed shared = resource.getAnnotation(RolesAllowed.class);
        Set<String> sharedRoles = shared == null ? Set.of() : Set.of(shared.value());
        for (Method endpoint : endpoints(resource)) {
            assertThat(endpoint.isAnnotationPresent(PermitAll.class) || endpoint.isAnnotationPresent(DenyAll.class))
                    .as(resource.getSimpleName() + "." + endpoint.getName() + " opens or closes itself").isFalse();
            RolesAllowed own = endpoint.getAnnotation(RolesAllowed.class);
            if (own != null) {
                Set<String> ownRoles = new HashSet<>(List.of(own.value()));
                assertThat(ownRoles).as(resource.getSimpleName() + "." + endpoint.getName()
                        + " repeats or widens the class-level roles " + sharedRoles)
                        .isNotEqualTo(sharedRoles).isSubsetOf(sharedRoles);
            }
        }
    }

    @Test
    void theUnusedListOfViewersIsGone() {
        assertThat(Arrays.stream(EnterpriseResource.class.getDeclaredFields()).map(f -> f.getName()))
                .doesNotContain("VIEWERS");
    }
}
