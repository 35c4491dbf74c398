package org.fugong.logistics.checkpoint;

/** Where a checkpoint stands: the three kinds of the 2020 green channel's checks. */
public enum CheckpointKind {
    EXPRESSWAY_TOLL_STATION, PROVINCIAL_BORDER, CITY_ENTRANCE
}
