package org.fugong.registry.region;

public enum RegionLevel {
    PROVINCE, PREFECTURE, COUNTY
}
