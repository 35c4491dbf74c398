package org.fugong.supply.offer;

public enum OfferStatus {
    OPEN, EXHAUSTED, WITHDRAWN, EXPIRED
}
