package org.fugong.registry.enterprise;

import java.util.Collection;
import java.util.List;

/**
 * A property of an organisation that a change of details can touch, named as events name it. The
 * declaration order is the order in which an {@code updated} event lists what changed.
 */
public enum EnterpriseDetail {
    NAME("name"),
    OWNERSHIP("ownership"),
    REGION_CODE("region_code"),
    INDUSTRY("industry"),
    EMPLOYEES("employees"),
    ANNUAL_REVENUE("annual_revenue"),
    SIZE_CLASS("size_class"),
    PRIORITY_TIER("priority_tier"),
    /** The contact person is personal data: it changes the record but is never published. */
    CONTACT("contact"),
    KEY_ENTERPRISE("key_enterprise");

    private final String property;

    EnterpriseDetail(String property) {
        this.property = property;
    }

    /** The snake_case property, as in the API and in events. */
    public String property() {
        return property;
    }

    public boolean isPublished() {
        return this != CONTACT;
    }

    /** What an {@code updated} event lists of these changes, in declaration order (give it an EnumSet). */
    public static List<String> published(Collection<EnterpriseDetail> changed) {
        return changed.stream().filter(EnterpriseDetail::isPublished).map(EnterpriseDetail::property).toList();
    }
}
