package org.fugong.registry.enterprise;

/** How urgently an enterprise's resumption matters, derived from its industry (opinions 1, 2 and 8). */
public enum PriorityTier {
    /** Medical supplies, protective gear, drugs, agricultural inputs, food and daily necessities. */
    ESSENTIAL,
    /** Automobiles, electronics, ships, aerospace, power equipment, machine tools, PV, lithium batteries, their parts. */
    KEY_INDUSTRY,
    /** 5G, industrial internet, chips, robots, additive and smart manufacturing, displays, NEVs, energy saving. */
    STRATEGIC_EMERGING,
    STANDARD
}
