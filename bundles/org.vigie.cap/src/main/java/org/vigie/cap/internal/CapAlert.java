package org.vigie.cap.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One CAP 1.2 {@code <alert>} message, element for element (OASIS CAP-v1.2-os §3.2.1). Immutable; optional elements
 * are {@code null} when absent (an empty element such as {@code <note/>} reads as {@code ""}); repeated elements are
 * lists, possibly empty. {@code ds:Signature} and elements CAP does not define are not modelled (a re-written
 * document would invalidate a signature anyway).
 *
 * @param identifier  unique per sender; CAP forbids spaces, commas and {@code <} {@code &} in it
 * @param sender      the originator, e.g. an e-mail address or a domain
 * @param sent        when the message was sent (seconds precision, with its original offset)
 * @param status      Actual, Exercise, System, Test, Draft
 * @param msgType     Alert, Update, Cancel, Ack, Error
 * @param source      optional source text
 * @param scope       Public, Restricted, Private
 * @param restriction optional, for Restricted scope
 * @param addresses   optional, for Private scope (kept as written: space separated, quoted when containing spaces)
 * @param codes       special handling codes, e.g. a profile URN
 * @param note        optional note
 * @param references  optional, kept as written: space separated {@code sender,identifier,sent} triples (see
 *                    {@link #referenceList()})
 * @param incidents   optional, kept as written
 * @param infos       the {@code <info>} blocks (none in e.g. a bare Cancel)
 */
public record CapAlert(String identifier, String sender, OffsetDateTime sent, Status status, MsgType msgType,
                       String source, Scope scope, String restriction, String addresses, List<String> codes,
                       String note, String references, String incidents, List<CapInfo> infos) {

    /** The CAP 1.2 XML namespace. */
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    public CapAlert {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sender, "sender");
        sent = CapTimes.checked(Objects.requireNonNull(sent, "sent"), "sent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(msgType, "msgType");
        Objects.requireNonNull(scope, "scope");
        codes = codes == null ? List.of() : List.copyOf(codes);
        infos = infos == null ? List.of() : List.copyOf(infos);
    }

    /** @return the parsed {@link #references()} triples, empty when none (malformed triples are skipped) */
    public List<CapReference> referenceList() {
        List<CapReference> list = new ArrayList<>();
        if (references == null) {
            return list;
        }
        for (String token : references.trim().split("\\s+")) {
            CapReference.parse(token).ifPresent(list::add);
        }
        return list;
    }

    /** @return this message's own reference triple, for a later Update or Cancel to cite */
    public CapReference reference() {
        return new CapReference(sender, identifier, sent);
    }

    /** {@code <status>}. */
    public enum Status implements CapEnum {
        ACTUAL("Actual"), EXERCISE("Exercise"), SYSTEM("System"), TEST("Test"), DRAFT("Draft");

        private final String xml;

        Status(String xml) {
            this.xml = xml;
        }

        @Override
        public String xml() {
            return xml;
        }
    }

    /** {@code <msgType>}. */
    public enum MsgType implements CapEnum {
        ALERT("Alert"), UPDATE("Update"), CANCEL("Cancel"), ACK("Ack"), ERROR("Error");

        private final String xml;

        MsgType(String xml) {
            this.xml = xml;
        }

        @Override
        public String xml() {
            return xml;
        }
    }

    /** {@code <scope>}. */
    public enum Scope implements CapEnum {
        PUBLIC("Public"), RESTRICTED("Restricted"), PRIVATE("Private");

        private final String xml;

        Scope(String xml) {
            this.xml = xml;
        }

        @Override
        public String xml() {
            return xml;
        }
    }
}
