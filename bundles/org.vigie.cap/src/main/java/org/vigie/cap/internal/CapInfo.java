package org.vigie.cap.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One {@code <info>} block of a CAP 1.2 alert (§3.2.2): the event in one language. Optional elements are
 * {@code null} when absent; times are checked and truncated as {@link CapTimes} says.
 *
 * @param language      RFC 3066 language, e.g. {@code fr-FR}; {@code null} when absent (CAP's default is en-US)
 * @param categories    at least one category
 * @param event         the type of event, text
 * @param responseTypes recommended actions
 * @param urgency       Immediate, Expected, Future, Past, Unknown
 * @param severity      Extreme, Severe, Moderate, Minor, Unknown
 * @param certainty     Observed, Likely, Possible, Unlikely, Unknown
 * @param audience      optional
 * @param eventCodes    system-specific event codes
 * @param effective     optional, when the information becomes effective (default: sent)
 * @param onset         optional, expected beginning of the subject event
 * @param expires       optional, expiry of the information
 * @param senderName    optional human-readable sender
 * @param headline      optional, short (CAP recommends fewer than 160 characters)
 * @param description   optional
 * @param instruction   optional recommended action
 * @param web           optional URI (kept as text)
 * @param contact       optional
 * @param parameters    system-specific parameters
 * @param resources     attached resources
 * @param areas         affected areas
 */
public record CapInfo(String language, List<Category> categories, String event, List<ResponseType> responseTypes,
                      Urgency urgency, Severity severity, Certainty certainty, String audience,
                      List<CapValue> eventCodes, OffsetDateTime effective, OffsetDateTime onset,
                      OffsetDateTime expires, String senderName, String headline, String description,
                      String instruction, String web, String contact, List<CapValue> parameters,
                      List<CapResource> resources, List<CapArea> areas) {

    public CapInfo {
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("an info block needs at least one category");
        }
        Objects.requireNonNull(event, "event");
        responseTypes = responseTypes == null ? List.of() : List.copyOf(responseTypes);
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(certainty, "certainty");
        eventCodes = eventCodes == null ? List.of() : List.copyOf(eventCodes);
        effective = effective == null ? null : CapTimes.checked(effective, "effective");
        onset = onset == null ? null : CapTimes.checked(onset, "onset");
        expires = expires == null ? null : CapTimes.checked(expires, "expires");
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        resources = resources == null ? List.of() : List.copyOf(resources);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** @return the value of the first parameter named {@code name}, or {@code null} */
    public String parameter(String name) {
        return parameters.stream().filter(p -> p.valueName().equals(name)).map(CapValue::value).findFirst()
                .orElse(null);
    }

    /** {@code <category>}; CAP 1.2 puts floods under {@link #MET} ("Meteorological (inc. flood)"). */
    public enum Category implements CapEnum {
        GEO("Geo"), MET("Met"), SAFETY("Safety"), SECURITY("Security"), RESCUE("Rescue"), FIRE("Fire"),
        HEALTH("Health"), ENV("Env"), TRANSPORT("Transport"), INFRA("Infra"), CBRNE("CBRNE"), OTHER("Other");

        private final String xml;

        Category(String xml) {
            this.xml = xml;
        }

        @Override
        public String xml() {
            return xml;
        }
    }

    /** {@code <responseType>}. */
    public enum ResponseType implements CapEnum {
        SHELTER("Shelter"), EVACUATE("Evacuate"), PREPARE("Prepare"), EXECUTE("Execute"), AVOID("Avoid"),
        MONITOR("Monitor"), ASSESS("Assess"), ALL_CLEAR("AllClear"), NONE("None");

        private final String xml;

        ResponseType(String xml) {
            this.xml = xml;
        }

        @Override
        public String xml() {
            return xml;
        }
    }

    /** {@code <urgency>}. */
    public enum Urgency implements CapEnum {
        IMMEDIATE("Immediate"), EXPECTED("Expected"), FUTURE("Future"), PAST("Past"), UNKNOWN("Unknown");

        private final String xml;

        Urgency(String xml) {
            this.xml = xml;
        }

        @Override
        public String xml() {
            return xml;
        }
    }

    /** {@code <severity>}. */
    public enum Severity implements CapEnum {
        EXTREME("Extreme"), SEVERE("Severe"), MODERATE("Moderate"), MINOR("Minor"), UNKNOWN("Unknown");

        private final String xml;

        Severity(String xml) {
            this.xml = xml;
        }

        @Override
        public String xml() {
            return xml;
        }
    }

    /** {@code <certainty>}. */
    public enum Certainty implements CapEnum {
        OBSERVED("Observed"), LIKELY("Likely"), POSSIBLE("Possible"), UNLIKELY("Unlikely"), UNKNOWN("Unknown");

        private final String xml;

        Certainty(String xml) {
            this.xml = xml;
        }

        @Override
        public String xml() {
            return xml;
        }
    }
}
