package org.fugong.logistics.pass;

public enum VehicleType {
    TRUCK,
    VAN,
    REFRIGERATED_TRUCK,
    TANKER,
    BUS,
    CAR
}
