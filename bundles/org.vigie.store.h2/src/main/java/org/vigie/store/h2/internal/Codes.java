package org.vigie.store.h2.internal;

import org.vigie.api.Quality;
import org.vigie.api.Quantity;

/**
 * The small integer codes the observation table stores instead of enum names, to keep its rows and its
 * primary key short. Written down here rather than taken from {@code ordinal()}, so reordering the API's
 * enums cannot change the meaning of stored rows; the exhaustive switches make a new constant a compile error
 * until it has a code.
 */
final class Codes {
    private Codes() {
    }

    static byte of(Quantity quantity) {
        return switch (quantity) {
            case H -> 1;
            case Q -> 2;
            case P -> 3;
            case E -> 4;
            case T -> 5;
        };
    }

    static Quantity quantity(int code) {
        return switch (code) {
            case 1 -> Quantity.H;
            case 2 -> Quantity.Q;
            case 3 -> Quantity.P;
            case 4 -> Quantity.E;
            case 5 -> Quantity.T;
            default -> throw new IllegalStateException("unknown quantity code " + code + " in the database");
        };
    }

    static byte of(Quality quality) {
        return switch (quality) {
            case UNKNOWN -> 0;
            case RAW -> 1;
            case GOOD -> 2;
            case DOUBTFUL -> 3;
            case BAD -> 4;
            case FILLED -> 5;
        };
    }

    static Quality quality(int code) {
        return switch (code) {
            case 0 -> Quality.UNKNOWN;
            case 1 -> Quality.RAW;
            case 2 -> Quality.GOOD;
            case 3 -> Quality.DOUBTFUL;
            case 4 -> Quality.BAD;
            case 5 -> Quality.FILLED;
            default -> throw new IllegalStateException("unknown quality code " + code + " in the database");
        };
    }
}
