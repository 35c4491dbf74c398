package org.fugong.finance.policy;

public enum PolicyKind {
    TAX_RELIEF, FEE_REDUCTION, SOCIAL_SECURITY_RELIEF, INTEREST_SUBSIDY, RENT_RELIEF
}
