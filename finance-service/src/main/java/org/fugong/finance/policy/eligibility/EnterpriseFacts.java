package org.fugong.finance.policy.eligibility;

import java.math.BigDecimal;

/**
 * What the rules may look at: the registry's view of one enterprise, nothing it declared itself.
 *
 * @param regionCode the six-digit GB/T 2260 county code
 */
public record EnterpriseFacts(String sizeClass, String priorityTier, boolean keyEnterprise, String regionCode,
        String ownership, int employees, BigDecimal annualRevenue, String resumptionStatus) {
}
