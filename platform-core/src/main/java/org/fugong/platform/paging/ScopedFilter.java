package org.fugong.platform.paging;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.fugong.platform.security.Caller;
import org.fugong.platform.security.RegionScope;
import org.fugong.platform.security.Role;

/**
 * The WHERE clause of a keyset-paged list in id order, limited to what the caller may see:
 * administrators everything, an authority what lies in its region scope, anyone else only what
 * belongs to its own organisation. Filters left null are skipped. Produces JPQL with named
 * parameters for Panache's {@code find(query, params)}.
 */
public final class ScopedFilter {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    /**
     * @param regionField the entity's GB/T 2260 code an authority's scope applies to
     * @param ownerField  the entity's organisation id an organisation's people are limited to
     */
    public static ScopedFilter forCaller(Caller caller, String regionField, String ownerField, String cursor) {
        return forCaller(caller, Scope.fields(regionField, ownerField), cursor);
    }

    /**
     * Where an entity's region and owner are found, as JPQL conditions on it: an authority's scope
     * binds {@code :region} (its GB/T 2260 prefix followed by {@code %}, for {@code like}), an
     * organisation's binds {@code :own} (its id). Usually the entity's own fields; a subquery when
     * they lie on another entity (an allocation's delivery region is its request's).
     */
    public record Scope(String regionCondition, String ownerCondition) {

        public static Scope fields(String regionField, String ownerField) {
            return new Scope(regionField + " like :region", ownerField + " = :own");
        }

        /** Objects no authority sees by region: only their own organisations' people (and administrators). */
        public static Scope ownersOnly(String ownerCondition) {
            return new Scope(null, ownerCondition);
        }
    }

    /**
     * An authority sees what lies in its region scope and, when its token also names the
     * organisation it acts for (a government body's people), that organisation's own objects.
     */
    public static ScopedFilter forCaller(Caller caller, Scope scope, String cursor) {
        ScopedFilter filter = new ScopedFilter();
        UUID after = Cursor.decodeUuid(cursor);
        if (after != null) {
            filter.where.append(" and id > :after");
            filter.params.put("after", after);
        }
        if (!caller.isAdmin()) {
            boolean regional = scope.regionCondition() != null && caller.hasRole(Role.AUTHORITY)
                    && caller.regionScope().isPresent();
            if (regional && caller.orgId().isPresent()) {
                filter.where.append(" and ((").append(scope.regionCondition()).append(") or (")
                        .append(scope.ownerCondition()).append("))");
                filter.params.put("region", RegionScope.prefixOf(caller.regionScope().get()) + "%");
                filter.params.put("own", caller.orgId().get());
            } else if (regional) {
                filter.where.append(" and (").append(scope.regionCondition()).append(")");
                filter.params.put("region", RegionScope.prefixOf(caller.regionScope().get()) + "%");
            } else {
                filter.where.append(" and (").append(scope.ownerCondition()).append(")");
                filter.params.put("own", caller.orgId().orElse(new UUID(0, 0)));
            }
        }
        return filter;
    }

    /** Adds {@code field = value} unless the value is null. */
    public ScopedFilter equal(String field, Object value) {
        if (value != null) {
            String name = "p" + params.size();
            where.append(" and ").append(field).append(" = :").append(name);
            params.put(name, value);
        }
        return this;
    }

    /** Adds a GB/T 2260 prefix condition on {@code field} unless the prefix is null. */
    public ScopedFilter prefix(String field, String regionPrefix) {
        if (regionPrefix != null) {
            String name = "p" + params.size();
            where.append(" and ").append(field).append(" like :").append(name);
            params.put(name, RegionScope.prefixOf(regionPrefix) + "%");
        }
        return this;
    }

    /** The JPQL condition with its order. */
    public String query() {
        return where + " order by id";
    }

    public Map<String, Object> params() {
        return params;
    }
}
