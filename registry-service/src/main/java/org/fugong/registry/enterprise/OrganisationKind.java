package org.fugong.registry.enterprise;

public enum OrganisationKind {
    ENTERPRISE, HEALTH_INSTITUTION, FINANCIAL_INSTITUTION, GOVERNMENT_BODY
}
