package org.vigie.connector.sandre.internal;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.vigie.api.Forecast;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quantity;
import org.vigie.connector.sandre.internal.SandreValues.BadValueException;

/**
 * Reads a Sandre hydrometrie XML 1.1 file (with or without its namespace) in one streaming pass and converts its
 * values at the border: H from mm to m, Q from l/s to m3/s, rainfall RR kept in mm and dated at the start of its
 * accumulation. What it reads is described in {@code docs/connectors/sandre.md}. Pure: no clock, no state between
 * calls; thread-safe.
 *
 * <p>The file is refused as a whole when it is not well-formed, declares a DOCTYPE (DTDs and external entities are
 * never read: see {@link SecureXml}), is not a {@code <hydrometrie>} document or names another scenario version.
 * Otherwise every value that cannot be imported becomes one {@link ValueError} and the others are kept.
 */
final class SandreXmlParser {

    static final String NAMESPACE = "http://xml.sandre.eaufrance.fr/scenario/hydrometrie/1.1";
    static final String SUPPORTED_VERSION = "1.1";

    /** Non-exceedance probabilities given to ResMinPrev and ResMaxPrev (Vigicrues' low and high trends). */
    static final double MIN_QUANTILE = 0.1;
    static final double MAX_QUANTILE = 0.9;

    /** Sandre entity codes: 8 (site), 10 (station), 12 (sensor) characters, meteorological sites 8 or 9. */
    private static final Pattern ENTITY_CODE = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final String NOT_A_CODE = "not a Sandre entity code (1 to 20 letters and digits)";

    /** A leaf longer than this is cut: no Sandre value comes close, and a huge text must not fill the memory. */
    private static final int MAX_LEAF_LENGTH = 4096;

    private final String source;
    private final SandreValues values;
    private final Set<String> stations;

    /**
     * @param source   provenance source of the observations; elaborated ones get {@code <source>:<type>}
     * @param zone     zone of date-times written without an offset
     * @param stations entity codes to import; empty imports every one
     */
    SandreXmlParser(String source, ZoneId zone, Collection<String> stations) {
        this.source = source;
        this.values = new SandreValues(zone);
        this.stations = Set.copyOf(stations);
    }

    /**
     * @param fileName   used in each observation's provenance reference ({@code fileName:line …})
     * @param in         the file's bytes; read in the encoding its XML declaration names, not closed here
     * @param receivedAt recorded as every observation's reception time
     * @throws IOException when the bytes could not be read (the file is not at fault and may be tried again)
     */
    SandreParseResult parse(String fileName, InputStream in, Instant receivedAt) throws IOException {
        FileRead read = new FileRead(fileName, receivedAt);
        XMLStreamReader reader = null;
        try {
            reader = SecureXml.reader(in);
            read.document(reader);
        } catch (XMLStreamException e) {
            Optional<IOException> readFailure = readFailure(e);
            if (readFailure.isPresent()) {
                throw readFailure.get();
            }
            return SandreParseResult.rejectedFile(notWellFormed(e));
        } catch (RejectedFileException e) {
            return SandreParseResult.rejectedFile(e.getMessage());
        } finally {
            close(reader);
        }
        return read.result();
    }

    /** The reading of one file: a cursor over its elements and what it has collected so far. */
    private final class FileRead {
        private final String fileName;
        private final Instant receivedAt;
        private final List<Observation> observations = new ArrayList<>();
        private final List<Forecast> forecasts = new ArrayList<>();
        private final List<ValueError> errors = new ArrayList<>();
        private int otherStations;
        private XMLStreamReader r;

        FileRead(String fileName, Instant receivedAt) {
            this.fileName = fileName;
            this.receivedAt = receivedAt;
        }

        SandreParseResult result() {
            return new SandreParseResult(observations, forecasts, errors, otherStations, Optional.empty());
        }

        void document(XMLStreamReader reader) throws XMLStreamException, RejectedFileException {
            r = reader;
            int event = r.getEventType();
            while (event != XMLStreamConstants.START_ELEMENT) {
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new RejectedFileException("the file holds no XML element");
                }
                event = next();
            }
            String namespace = r.getNamespaceURI();
            if (!"hydrometrie".equals(name())) {
                throw new RejectedFileException("line " + line() + ": the root element is <" + name()
                        + ">, not <hydrometrie>: not a Sandre hydrometrie file");
            }
            if (namespace != null && !namespace.isEmpty() && !NAMESPACE.equals(namespace)) {
                throw new RejectedFileException("line " + line() + ": namespace '" + namespace
                        + "' is not the one of the Sandre hydrometrie scenario 1.1 (" + NAMESPACE + ", or none)");
            }
            while (nextChild()) {
                switch (name()) {
                    case "Scenario" -> scenario();
                    case "Donnees" -> donnees();
                    case "RefHyd" -> ignored("<RefHyd> (referential: sites, stations, sensors, meteorological sites)"
                            + " is not imported");
                    default -> unexpectedIn("hydrometrie");
                }
            }
            // after the root only comments may follow; anything else is an error the reader reports
            while (r.hasNext()) {
                next();
            }
        }

        private void scenario() throws XMLStreamException, RejectedFileException {
            while (nextChild()) {
                int line = line();
                switch (name()) {
                    case "CodeScenario" -> {
                        String code = leafText();
                        if (!code.isEmpty() && !"hydrometrie".equals(code)) {
                            throw new RejectedFileException("line " + line + ": scenario '" + SandreValues.shorten(code)
                                    + "' (CodeScenario) is not the hydrometrie scenario");
                        }
                    }
                    case "VersionScenario" -> {
                        String version = leafText();
                        if (!version.isEmpty() && !SUPPORTED_VERSION.equals(version)) {
                            throw new RejectedFileException("line " + line + ": scenario version '"
                                    + SandreValues.shorten(version) + "' (VersionScenario) is not supported:"
                                    + " this connector reads the Sandre hydrometrie scenario " + SUPPORTED_VERSION);
                        }
                    }
                    default -> skip();
                }
            }
        }

        private void donnees() throws XMLStreamException, RejectedFileException {
            while (nextChild()) {
                switch (name()) {
                    case "Series" -> children("Series", "Serie", this::serie);
                    case "ObssMeteo" -> children("ObssMeteo", "ObsMeteo", () -> meteo(record()));
                    case "ObssElabHydro" -> children("ObssElabHydro", "TypsDeGrdObsElabHydro", this::elaborated);
                    case "Simuls" -> children("Simuls", "Simul", this::simul);
                    default -> ignored("<" + name() + "> is not imported (this connector reads Series, ObssMeteo,"
                            + " ObssElabHydro and Simuls)");
                }
            }
        }

        // ---- hydrometric observations -------------------------------------------------------------------------

        private void serie() throws XMLStreamException, RejectedFileException {
            int line = line();
            Map<String, String> header = new HashMap<>();
            List<Record> observed = new ArrayList<>();
            while (nextChild()) {
                if ("ObssHydro".equals(name())) {
                    children("ObssHydro", "ObsHydro", () -> observed.add(record()));
                } else {
                    header.putIfAbsent(name(), leafText());
                }
            }
            String sensor = field(header, "CdCapteur");
            String code = firstOf(field(header, "CdStationHydro"), field(header, "CdSiteHydro"), stationOf(sensor));
            if (code == null || !isCode(code)) {
                errors.add(new ValueError(line, (code == null
                        ? "Serie without CdStationHydro, CdSiteHydro or CdCapteur:"
                        : "Serie of '" + SandreValues.shorten(code) + "': " + NOT_A_CODE + ";")
                        + " its " + observed.size() + " observations are not imported"));
                return;
            }
            String grandeur = field(header, "GrdSerie");
            Quantity quantity = hydrometric(grandeur);
            if (quantity == null) {
                errors.add(new ValueError(line, "Serie of " + code + ": " + (grandeur == null ? "no GrdSerie"
                        : "grandeur '" + SandreValues.shorten(grandeur) + "' (GrdSerie) is not imported, only H and Q")
                        + "; its " + observed.size() + " observations are ignored"));
                return;
            }
            if (!accepts(code) && (sensor == null || !accepts(sensor))) {
                otherStations += observed.size();
                return;
            }
            String label = "ObsHydro of " + code + " (" + quantity + ")";
            for (Record o : observed) {
                try {
                    Instant time = values.time("DtObsHydro", o.get("DtObsHydro"), false);
                    double value = SandreValues.number("ResObsHydro", o.get("ResObsHydro"))
                            / SandreValues.SANDRE_UNITS_PER_VIGIE_UNIT;
                    String reference = reference(o.line())
                            + extra("CdCapteur", sensor)
                            + extra("StatutSerie", field(header, "StatutSerie"))
                            + extra("QualifObsHydro", o.get("QualifObsHydro"))
                            + extra("ContObsHydro", o.get("ContObsHydro"));
                    observations.add(new Observation(code, quantity, time, value,
                            SandreValues.quality(o.get("QualifObsHydro")),
                            new Provenance(source, orEmpty(o.get("MethObsHydro")), reference), receivedAt));
                } catch (BadValueException e) {
                    errors.add(new ValueError(o.line(), label + ": " + e.getMessage()));
                }
            }
        }

        // ---- meteorological observations ----------------------------------------------------------------------

        private void meteo(Record o) {
            String site = o.get("CdSiteMeteo");
            String grandeur = o.get("CdGrdMeteo");
            String label = "ObsMeteo" + (site == null ? "" : " of " + SandreValues.shorten(site))
                    + (grandeur == null ? "" : " (" + SandreValues.shorten(grandeur) + ")");
            if (!"RR".equals(grandeur)) {
                errors.add(new ValueError(o.line(), label + ": " + (grandeur == null ? "no CdGrdMeteo"
                        : "grandeur '" + SandreValues.shorten(grandeur) + "' (CdGrdMeteo) is not imported")
                        + ", only RR (rainfall)"));
                return;
            }
            if (site == null || !isCode(site)) {
                errors.add(new ValueError(o.line(), label + ": " + (site == null ? "no CdSiteMeteo" : NOT_A_CODE)));
                return;
            }
            if (!accepts(site)) {
                otherStations++;
                return;
            }
            try {
                Instant end = values.time("DtObsMeteo", o.get("DtObsMeteo"), false);
                double minutes = SandreValues.number("DureeObsMeteo", o.get("DureeObsMeteo"));
                if (minutes <= 0 || minutes != Math.rint(minutes) || minutes > Duration.ofDays(366).toMinutes()) {
                    throw new BadValueException("DureeObsMeteo '" + SandreValues.shorten(o.get("DureeObsMeteo"))
                            + "' is not a positive"
                            + " whole number of minutes: the rainfall step cannot be placed");
                }
                double depth = SandreValues.number("ResObsMeteo", o.get("ResObsMeteo"));
                String reference = reference(o.line())
                        + extra("DureeObsMeteo", o.get("DureeObsMeteo"))
                        + extra("StatutObsMeteo", o.get("StatutObsMeteo"))
                        + extra("QualifObsMeteo", o.get("QualifObsMeteo"))
                        + extra("IndiceQualObsMeteo", o.get("IndiceQualObsMeteo"));
                // Sandre dates a total at the end of its accumulation; Vigie at the start of its step
                observations.add(new Observation(site, Quantity.P, end.minus(Duration.ofMinutes((long) minutes)),
                        depth, SandreValues.quality(o.get("QualifObsMeteo")),
                        new Provenance(source, orEmpty(o.get("MethObsMeteo")), reference), receivedAt));
            } catch (BadValueException e) {
                errors.add(new ValueError(o.line(), label + ": " + e.getMessage()));
            }
        }

        // ---- elaborated hydrometric observations --------------------------------------------------------------

        private void elaborated() throws XMLStreamException, RejectedFileException {
            int line = line();
            String type = null;
            List<Record> observed = new ArrayList<>();
            while (nextChild()) {
                if ("ObsElabHydro".equals(name())) {
                    observed.add(record());
                } else if ("TypDeGrdObsElabHydro".equals(name())) {
                    type = emptyToNull(leafText());
                } else {
                    unexpectedIn("TypsDeGrdObsElabHydro");
                }
            }
            Quantity quantity = type == null ? null : hydrometric(type.substring(0, 1));
            if (quantity == null) {
                errors.add(new ValueError(line, (type == null ? "no TypDeGrdObsElabHydro"
                        : "elaborated grandeur '" + SandreValues.shorten(type) + "' (TypDeGrdObsElabHydro) is not"
                        + " imported, only H… and Q… types") + "; its " + observed.size() + " values are ignored"));
                return;
            }
            String elaboratedSource = source + ":" + type;
            for (Record o : observed) {
                String code = firstOf(o.get("CdStationHydro"), o.get("CdSiteHydro"));
                if (code == null || !isCode(code)) {
                    errors.add(new ValueError(o.line(), "ObsElabHydro (" + type + "): " + (code == null
                            ? "no CdStationHydro or CdSiteHydro"
                            : "'" + SandreValues.shorten(code) + "' " + NOT_A_CODE)));
                    continue;
                }
                if (!accepts(code)) {
                    otherStations++;
                    continue;
                }
                try {
                    Instant time = values.time("DtObsElabHydro", o.get("DtObsElabHydro"), true);
                    double value = SandreValues.number("ResObsElabHydro", o.get("ResObsElabHydro"))
                            / SandreValues.SANDRE_UNITS_PER_VIGIE_UNIT;
                    String reference = reference(o.line())
                            + extra("StatutObsElabHydro", o.get("StatutObsElabHydro"))
                            + extra("QualifObsElabHydro", o.get("QualifObsElabHydro"));
                    observations.add(new Observation(code, quantity, time, value,
                            SandreValues.quality(o.get("QualifObsElabHydro")),
                            new Provenance(elaboratedSource, orEmpty(o.get("MethObsElabHydro")), reference),
                            receivedAt));
                } catch (BadValueException e) {
                    errors.add(new ValueError(o.line(), "ObsElabHydro of " + code + " (" + type + "): "
                            + e.getMessage()));
                }
            }
        }

        // ---- forecasts -----------------------------------------------------------------------------------------

        private void simul() throws XMLStreamException, RejectedFileException {
            int line = line();
            Map<String, String> header = new HashMap<>();
            List<Prev> prevs = new ArrayList<>();
            while (nextChild()) {
                if ("Prevs".equals(name())) {
                    children("Prevs", "Prev", () -> prevs.add(prev()));
                } else {
                    header.putIfAbsent(name(), leafText());
                }
            }
            String code = firstOf(field(header, "CdStationHydro"), field(header, "CdSiteHydro"));
            String grandeur = field(header, "GrdSimul");
            String model = field(header, "CdModelePrevision");
            String label = "Simul" + (code == null ? "" : " of " + SandreValues.shorten(code)) + " ("
                    + (grandeur == null ? "?" : SandreValues.shorten(grandeur))
                    + (model == null ? "" : ", model " + SandreValues.shorten(model)) + ")";
            Quantity quantity = hydrometric(grandeur);
            String problem = code == null ? "no CdStationHydro or CdSiteHydro"
                    : !isCode(code) ? NOT_A_CODE
                    : quantity == null ? (grandeur == null ? "no GrdSimul" : "grandeur '"
                            + SandreValues.shorten(grandeur) + "' (GrdSimul) is not imported, only H and Q")
                    : model == null ? "no CdModelePrevision"
                    : null;
            if (problem != null) {
                errors.add(new ValueError(line, label + ": " + problem + "; the forecast is not archived"));
                return;
            }
            if (!accepts(code)) {
                otherStations++;
                return;
            }
            Instant issueTime;
            try {
                issueTime = values.time("DtProdSimul", field(header, "DtProdSimul"), false);
            } catch (BadValueException e) {
                errors.add(new ValueError(line, label + ": " + e.getMessage() + "; the forecast is not archived"));
                return;
            }
            if (prevs.isEmpty()) {
                errors.add(new ValueError(line, label + ": no Prev; nothing to archive"));
                return;
            }
            TreeMap<Duration, PrevValues> byLead = new TreeMap<>();
            for (Prev prev : prevs) {
                readPrev(prev, label, issueTime, byLead);
            }
            if (byLead.isEmpty()) {
                return;
            }
            forecasts.add(forecast(code, quantity, model, issueTime, byLead));
        }

        private void readPrev(Prev prev, String label, Instant issueTime, Map<Duration, PrevValues> byLead) {
            Instant time;
            try {
                time = values.time("DtPrev", prev.fields().get("DtPrev"), false);
            } catch (BadValueException e) {
                errors.add(new ValueError(prev.line(), label + ": " + e.getMessage()));
                return;
            }
            String at = label + ": Prev at " + time;
            Duration lead = Duration.between(issueTime, time);
            if (lead.isNegative()) {
                errors.add(new ValueError(prev.line(), at + " is earlier than DtProdSimul (" + issueTime
                        + "): a forecast cannot hold a value before its issue time"));
                return;
            }
            if (byLead.containsKey(lead)) {
                errors.add(new ValueError(prev.line(), at + " repeats an earlier Prev of the same time"));
                return;
            }
            PrevValues read = new PrevValues();
            int errorsBefore = errors.size();
            Map<String, String> fields = prev.fields();
            if (fields.get("ResMoyPrev") != null) {
                try {
                    read.mean = SandreValues.number("ResMoyPrev", fields.get("ResMoyPrev"))
                            / SandreValues.SANDRE_UNITS_PER_VIGIE_UNIT;
                } catch (BadValueException e) {
                    errors.add(new ValueError(prev.line(), at + ": " + e.getMessage()));
                }
            }
            quantile(read, MIN_QUANTILE, "ResMinPrev", fields.get("ResMinPrev"), prev.line(), at);
            quantile(read, MAX_QUANTILE, "ResMaxPrev", fields.get("ResMaxPrev"), prev.line(), at);
            for (Record probability : prev.probabilities()) {
                try {
                    double percent = SandreValues.number("PProbPrev", probability.get("PProbPrev"));
                    if (!(percent > 0 && percent < 100)) {
                        throw new BadValueException("PProbPrev '" + SandreValues.shorten(probability.get("PProbPrev"))
                                + "' is not a probability strictly between 0 and 100 %");
                    }
                    quantile(read, percent / 100, "ResProbPrev", probability.get("ResProbPrev"),
                            probability.line(), at);
                } catch (BadValueException e) {
                    errors.add(new ValueError(probability.line(), at + ": " + e.getMessage()));
                }
            }
            if (Double.isNaN(read.mean) && read.quantiles.isEmpty()) {
                if (errors.size() == errorsBefore) {
                    errors.add(new ValueError(prev.line(), at + " has no ResMoyPrev, ResMinPrev, ResMaxPrev or"
                            + " ProbPrev"));
                }
                return;
            }
            byLead.put(lead, read);
        }

        private void quantile(PrevValues read, double probability, String element, String text, int line,
                              String at) {
            if (text == null) {
                return;
            }
            try {
                double value = SandreValues.number(element, text) / SandreValues.SANDRE_UNITS_PER_VIGIE_UNIT;
                if (read.quantiles.containsKey(probability)) {
                    throw new BadValueException(element + " gives a second value for the "
                            + Math.round(probability * 100) + " % quantile");
                }
                read.quantiles.put(probability, value);
            } catch (BadValueException e) {
                errors.add(new ValueError(line, at + ": " + e.getMessage()));
            }
        }

        private Forecast forecast(String code, Quantity quantity, String model, Instant issueTime,
                                  TreeMap<Duration, PrevValues> byLead) {
            List<Duration> leads = new ArrayList<>(byLead.keySet());
            double[] means = new double[leads.size()];
            Map<Double, double[]> quantiles = new TreeMap<>();
            int i = 0;
            for (PrevValues read : byLead.values()) {
                means[i] = read.mean;
                for (Map.Entry<Double, Double> q : read.quantiles.entrySet()) {
                    double[] column = quantiles.computeIfAbsent(q.getKey(), k -> {
                        double[] missing = new double[leads.size()];
                        Arrays.fill(missing, Double.NaN);
                        return missing;
                    });
                    column[i] = q.getValue();
                }
                i++;
            }
            return new Forecast(source + ":" + code + ":" + quantity, code, quantity, model, "", issueTime, leads,
                    means, quantiles);
        }

        private Prev prev() throws XMLStreamException, RejectedFileException {
            int line = line();
            Map<String, String> fields = new HashMap<>();
            List<Record> probabilities = new ArrayList<>();
            while (nextChild()) {
                if ("ProbsPrev".equals(name())) {
                    children("ProbsPrev", "ProbPrev", () -> probabilities.add(record()));
                } else {
                    String text = emptyToNull(leafText());
                    if (text != null) {
                        fields.putIfAbsent(name(), text);
                    }
                }
            }
            return new Prev(line, fields, probabilities);
        }

        // ---- cursor -------------------------------------------------------------------------------------------

        /** Reads every child of a container; children of another name are reported and skipped. */
        private void children(String container, String child, ElementReader reader)
                throws XMLStreamException, RejectedFileException {
            while (nextChild()) {
                if (child.equals(name())) {
                    reader.read();
                } else {
                    unexpectedIn(container);
                }
            }
        }

        /** Reads an element whose children are all simple values, e.g. an {@code <ObsHydro>}. */
        private Record record() throws XMLStreamException, RejectedFileException {
            int line = line();
            Map<String, String> fields = new HashMap<>();
            while (nextChild()) {
                String text = emptyToNull(leafText());
                if (text != null) {
                    fields.putIfAbsent(name(), text);
                }
            }
            return new Record(line, fields);
        }

        private void unexpectedIn(String container) throws XMLStreamException, RejectedFileException {
            ignored("<" + name() + "> in <" + container + "> is not imported");
        }

        private void ignored(String reason) throws XMLStreamException, RejectedFileException {
            errors.add(new ValueError(line(), reason));
            skip();
        }

        /**
         * Moves to the next child element of the current element.
         *
         * @return true on a child's start, false on the current element's end
         */
        private boolean nextChild() throws XMLStreamException, RejectedFileException {
            while (true) {
                switch (next()) {
                    case XMLStreamConstants.START_ELEMENT:
                        return true;
                    case XMLStreamConstants.END_ELEMENT:
                    case XMLStreamConstants.END_DOCUMENT:
                        return false;
                    default:
                        // whitespace, comments, processing instructions, stray text between elements
                }
            }
        }

        /** Reads the text of the current element up to its end; the text of any child element is left out. */
        private String leafText() throws XMLStreamException, RejectedFileException {
            return text(true);
        }

        private void skip() throws XMLStreamException, RejectedFileException {
            text(false);
        }

        private String text(boolean keep) throws XMLStreamException, RejectedFileException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                switch (next()) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (keep && depth == 1 && text.length() < MAX_LEAF_LENGTH) {
                            text.append(r.getText(), 0, Math.min(r.getTextLength(),
                                    MAX_LEAF_LENGTH - text.length()));
                        }
                    }
                    case XMLStreamConstants.END_DOCUMENT -> depth = 0;
                    default -> {
                        // comments and processing instructions
                    }
                }
            }
            return text.toString().strip();
        }

        /** The only place the reader advances: whatever reaches it, a DTD or an entity reference stops the file. */
        private int next() throws XMLStreamException, RejectedFileException {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new RejectedFileException("the file has a DOCTYPE declaration;"
                        + " DTDs and entities are refused (they could read local files or expand without bound)"
                        + " and Sandre files need none");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new RejectedFileException("line " + line() + ": reference to entity '" + r.getLocalName()
                        + "', which is not declared (DTDs are refused)");
            }
            return event;
        }

        private String name() {
            return r.getLocalName();
        }

        private int line() {
            Location location = r.getLocation();
            return location == null ? -1 : location.getLineNumber();
        }

        private String reference(int line) {
            return fileName + ":" + line;
        }
    }

    @FunctionalInterface
    private interface ElementReader {
        void read() throws XMLStreamException, RejectedFileException;
    }

    /** An element of simple values, e.g. an {@code <ObsHydro>}, with the line it starts on. */
    private record Record(int line, Map<String, String> fields) {
        String get(String element) {
            return fields.get(element);
        }
    }

    /** One {@code <Prev>}: its simple values and its {@code <ProbPrev>}. */
    private record Prev(int line, Map<String, String> fields, List<Record> probabilities) {
    }

    /** The values of one forecast time, in Vigie's units. */
    private static final class PrevValues {
        double mean = Double.NaN;
        final Map<Double, Double> quantiles = new TreeMap<>();
    }

    /** The whole file is refused; the message says why. */
    private static final class RejectedFileException extends Exception {
        private static final long serialVersionUID = 1L;

        RejectedFileException(String message) {
            super(message, null, false, false);
        }
    }

    private static boolean isCode(String code) {
        return ENTITY_CODE.matcher(code).matches();
    }

    private boolean accepts(String code) {
        return stations.isEmpty() || stations.contains(code);
    }

    /** @return H or Q for the Sandre grandeur codes "H" and "Q", else null */
    private static Quantity hydrometric(String grandeur) {
        if ("H".equals(grandeur)) {
            return Quantity.H;
        }
        return "Q".equals(grandeur) ? Quantity.Q : null;
    }

    /** A sensor (capteur) code is its station's 10-character code followed by two characters. */
    private static String stationOf(String sensor) {
        return sensor == null ? null : sensor.length() == 12 ? sensor.substring(0, 10) : sensor;
    }

    private static String field(Map<String, String> fields, String element) {
        return emptyToNull(fields.get(element));
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String extra(String element, String value) {
        return value == null ? "" : " " + element + "=" + SandreValues.shorten(value);
    }

    /** @return the failure to read the bytes, if that is what stopped the reader, rather than their content */
    private static Optional<IOException> readFailure(XMLStreamException e) {
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++) {
            if (cause instanceof CharConversionException) {
                return Optional.empty(); // bytes that are not in the declared encoding: the file's fault
            }
            if (cause instanceof IOException io) {
                return Optional.of(io);
            }
            cause = cause.getCause();
        }
        return Optional.empty();
    }

    private static String notWellFormed(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // the JDK reader prefixes "ParseError at [row,col]:[3,7]\nMessage: "; the location is given on its own
        int prefix = message.indexOf("Message: ");
        if (prefix >= 0) {
            message = message.substring(prefix + "Message: ".length());
        }
        Location location = e.getLocation();
        return location == null || location.getLineNumber() < 0
                ? "not well-formed XML: " + message
                : "not well-formed XML at line " + location.getLineNumber() + ", column "
                        + location.getColumnNumber() + ": " + message;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing more will be read from it; the caller closes the stream itself
            }
        }
    }
}
