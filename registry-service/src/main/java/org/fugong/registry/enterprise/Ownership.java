package org.fugong.registry.enterprise;

public enum Ownership {
    CENTRAL_SOE, LOCAL_SOE, PRIVATE, FOREIGN_INVESTED, COLLECTIVE
}
