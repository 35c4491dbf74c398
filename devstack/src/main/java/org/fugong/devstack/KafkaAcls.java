package org.fugong.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The broker's grants as written in {@code deploy/kafka/acls.txt} (bundled in this jar): one grant a
 * line, {@code principal resource name operation}, a name ending in {@code *} being a prefix. The
 * devstack's secured broker is given exactly these at start.
 */
public final class KafkaAcls {

    static final String RESOURCE = "kafka/acls.txt";

    /** One grant: {@code User:<principal>} may do {@code operation} on the resource, from any host. */
    public record Grant(String principal, ResourceType resource, PatternType pattern, String name,
            AclOperation operation) {

        AclBinding binding() {
            return new AclBinding(new ResourcePattern(resource, name, pattern),
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
        }

        /** Whether this grant names that operation on that resource for that principal. */
        public boolean covers(String who, ResourceType type, String resourceName, AclOperation op) {
            return principal.equals(who) && resource == type && operation == op
                    && (pattern == PatternType.PREFIXED ? resourceName.startsWith(name) : resourceName.equals(name));
        }
    }

    private final List<Grant> grants;

    private KafkaAcls(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /** The grants of {@code deploy/kafka/acls.txt}, as this jar was built with them. */
    public static KafkaAcls bundled() {
        try (InputStream in = KafkaAcls.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the devstack jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the file's lines; a line that is not a grant (nor blank, nor a comment) is refused, naming its number. */
    public static KafkaAcls parse(List<String> lines) {
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (!line.isEmpty()) {
                grants.add(grant(line, i + 1));
            }
        }
        return new KafkaAcls(grants);
    }

    private static Grant grant(String line, int number) {
        String[] fields = line.split("\\s+");
        if (fields.length != 4) {
            throw new IllegalArgumentException("acls.txt line " + number + ": expected 'principal resource name operation', got '"
                    + line + "'");
        }
        ResourceType resource = switch (fields[1].toLowerCase(Locale.ROOT)) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            default -> throw new IllegalArgumentException("acls.txt line " + number + ": resource must be topic or group, not "
                    + fields[1]);
        };
        String name = fields[2];
        boolean prefix = name.endsWith("*");
        if (prefix) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.contains("*")) {
            throw new IllegalArgumentException("acls.txt line " + number + ": a name or a prefix ending in *, not " + fields[2]);
        }
        AclOperation operation = AclOperation.fromString(fields[3]);
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY || operation == AclOperation.ALL) {
            throw new IllegalArgumentException("acls.txt line " + number + ": not a single Kafka operation: " + fields[3]);
        }
        return new Grant(fields[0], resource, prefix ? PatternType.PREFIXED : PatternType.LITERAL, name, operation);
    }

    public List<Grant> grants() {
        return grants;
    }

    /** Everyone who has a grant. */
    public Set<String> principals() {
        Set<String> principals = new TreeSet<>();
        grants.forEach(g -> principals.add(g.principal()));
        return principals;
    }

    /** Whether some grant names that operation on that resource for the principal. */
    public boolean allows(String principal, ResourceType type, String name, AclOperation operation) {
        return grants.stream().anyMatch(g -> g.covers(principal, type, name, operation));
    }

    /**
     * Makes the broker's ACLs exactly these grants (a grant no longer listed is removed, so a kept
     * log directory follows the file) and returns once the broker enforces them: the controller
     * commits ACLs, and the broker's authorizer applies them from the metadata log a moment later.
     */
    public void applyTo(Admin admin, Duration timeout) {
        Set<AclBinding> wanted = new HashSet<>();
        grants.forEach(g -> wanted.add(g.binding()));
        Instant deadline = Instant.now().plus(timeout);
        Set<AclBinding> present = present(admin, timeout);
        List<AclBinding> missing = wanted.stream().filter(b -> !present.contains(b)).toList();
        List<AclBindingFilter> stale = present.stream().filter(b -> !wanted.contains(b)).map(AclBinding::toFilter).toList();
        await(() -> admin.createAcls(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        await(() -> admin.deleteAcls(stale).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        while (!present(admin, timeout).equals(wanted)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The broker did not enforce the ACLs of acls.txt within " + timeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static Set<AclBinding> present(Admin admin, Duration timeout) {
        Collection<AclBinding> acls = await(
                () -> admin.describeAcls(AclBindingFilter.ANY).values().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        return new HashSet<>(acls);
    }

    private interface Call<T> {
        T call() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T await(Call<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while applying ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not apply the ACLs of acls.txt: " + e.getMessage(), e);
        }
    }
}
