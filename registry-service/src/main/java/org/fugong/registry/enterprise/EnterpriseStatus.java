package org.fugong.registry.enterprise;

public enum EnterpriseStatus {
    ACTIVE, SUSPENDED, DEREGISTERED
}
