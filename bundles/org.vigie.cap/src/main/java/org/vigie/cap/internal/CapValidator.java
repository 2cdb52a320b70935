package org.vigie.cap.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates documents against the official OASIS CAP 1.2 XML Schema, {@code CAP-v1.2.xsd}. The schema is OASIS's
 * and cannot be shipped with Vigie, so its location is a parameter: the platform configures where the file is
 * (download it from https://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2.xsd, md5
 * {@code 9c51a87f1e1314640f0583e3222089ce}). Nothing is ever fetched from the network: DOCTYPEs are refused and no
 * external DTD or schema is resolved (the schema's {@code ds:Signature} wildcard is lax, so signed alerts validate
 * without the XML-DSig schema).
 * <p>
 * The compiled schema is immutable; a validator is thread-safe and meant to be created once.
 */
public final class CapValidator {

    private final Schema schema;
    private final String schemaName;
    private final SAXParserFactory parsers;

    private CapValidator(Schema schema, String schemaName) {
        this.schema = schema;
        this.schemaName = schemaName;
        parsers = SAXParserFactory.newInstance();
        parsers.setNamespaceAware(true);
        try {
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a security feature", e);
        }
    }

    /**
     * @param xsd the location of {@code CAP-v1.2.xsd}
     * @return a validator for that schema
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not an XML Schema
     */
    public static CapValidator of(Path xsd) throws IOException {
        if (!Files.isReadable(xsd)) {
            throw new IOException("CAP 1.2 schema not readable at " + xsd.toAbsolutePath());
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try (InputStream in = Files.newInputStream(xsd)) {
                StreamSource source = new StreamSource(in, xsd.toUri().toString());
                return new CapValidator(factory.newSchema(source), xsd.getFileName().toString());
            }
        } catch (SAXException e) {
            throw new IllegalArgumentException("not a usable XML Schema: " + xsd + ": " + e.getMessage(), e);
        }
    }

    /** @return every problem the schema finds in {@code document}, empty when it is valid */
    public List<CapProblem> problems(byte[] document) {
        List<CapProblem> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings are not conformance problems
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add(problem(e, false));
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            validator.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(document))));
        } catch (SAXParseException e) {
            problems.add(problem(e, true));
        } catch (SAXException | ParserConfigurationException e) {
            problems.add(new CapProblem(true, -1, -1, e.getMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an in-memory document", e);
        }
        return problems;
    }

    /**
     * Validates {@code document}.
     *
     * @param name how to name the document in the message, e.g. its file name or identifier
     * @throws CapValidationException naming every problem with its line and column
     */
    public void validate(byte[] document, String name) throws CapValidationException {
        List<CapProblem> problems = problems(document);
        if (!problems.isEmpty()) {
            throw new CapValidationException(name, schemaName, problems);
        }
    }

    /** Validates a file; see {@link #validate(byte[], String)}. */
    public void validate(Path file) throws CapValidationException, IOException {
        validate(Files.readAllBytes(file), file.getFileName().toString());
    }

    private static CapProblem problem(SAXParseException e, boolean fatal) {
        return new CapProblem(fatal, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    }
}
