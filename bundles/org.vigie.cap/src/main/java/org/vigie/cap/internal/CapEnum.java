package org.vigie.cap.internal;

import java.util.Optional;

/** A CAP code list value, written as {@link #xml()} (e.g. {@code "Met"}). */
interface CapEnum {

    /** @return the value as CAP spells it */
    String xml();

    /** @return the constant of {@code type} spelled {@code text} (surrounding white space ignored), if any */
    static <E extends Enum<E> & CapEnum> Optional<E> fromXml(Class<E> type, String text) {
        String value = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.xml().equals(value)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
